// RUN: %check_torchlint %s torch-target-out-of-range %t -- %torch_flags
// RUN: %check_torchlint --plugin %plugin --clang-tidy %clang_tidy %s torch-target-out-of-range %t-plugin -- %torch_flags

#include <torch/torch.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace F = torch::nn::functional;

//===--- Positive: class indices outside [0, C-1] -------------------------===//

// Issue 3's example: labels drawn from [-1, 3] for 3 classes.
void randintBelowZero() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto y = torch::randint(-1, 4, {32});
  auto loss = criterion(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [-1, 3] but the input [32, 3] has C = 3 classes: -1 and 3 are outside [0, 2] and not ignore_index -100; LibTorch raises "Target -1 is out of bounds." or "Target 3 is out of bounds.", whichever comes first [torch-target-out-of-range]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [32, 3] / [32] drawn from the values in [-1, 3]: the first offending sampled value is 3, at target[0]; CrossEntropyLoss raises "Target 3 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: torch::randint draws values in [-1, 3]
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 3 features
}

// Labels numbered from 1 (as in a CSV file) against 3 logits.
void oneBasedLabels() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(1, 4, {32});
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [1, 3] but the input [32, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [32, 3] / [32] drawn from the values in [1, 3]: the first offending sampled value is 3, at target[0]; CrossEntropyLoss raises "Target 3 is out of bounds."
}

// A 10-class dataset fed to a head with 5 outputs.
void headTooNarrow() {
  torch::nn::Sequential model(torch::nn::Linear(20, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, 5));
  torch::nn::CrossEntropyLoss criterion;
  auto labels = torch::randint(0, 10, {64});
  auto loss = criterion(model->forward(torch::randn({64, 20})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [0, 9] but the input [64, 5] has C = 5 classes: 5, 6, 7, 8 and 9 are outside [0, 4] and not ignore_index -100; LibTorch raises "Target <value> is out of bounds." at the first of them
  // CHECK-MESSAGES: :[[@LINE-5]]:31: note: this Linear outputs 5 features
}

// CIFAR-100 labels against a 10-class head: too many rejected values to list.
void manyRejectedValues() {
  torch::nn::Linear fc(32, 10);
  auto labels = torch::randint(100, {128});
  auto loss = F::cross_entropy(fc(torch::randn({128, 32})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [0, 99] but the input [128, 10] has C = 10 classes: 99 is outside [0, 9] and not ignore_index -100; LibTorch raises "Target <value> is out of bounds." at the first of them
}

void tensorLiteral() {
  torch::nn::Linear fc(4, 3);
  auto y = torch::tensor({0, 1, 3});
  auto loss = F::cross_entropy(fc(torch::randn({3, 4})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 3} but the input [3, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: torch::tensor holds the values {0, 1, 3}
}

void vectorOfLabels() {
  torch::nn::Linear fc(4, 4);
  std::vector<int64_t> labels = {2, 0, 4, 1};
  auto loss = F::cross_entropy(fc(torch::randn({4, 4})), torch::tensor(labels));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 2, 4} but the input [4, 4] has C = 4 classes: 4 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds."
}

enum Mood : int64_t { kSad, kCalm, kHappy, kExcited };

// Labels pushed one by one from a list of enumerators: kExcited is 3, past
// the head's 3 classes (the range-for runs once per item).
void enumeratorsPushedInARangeFor() {
  torch::nn::Linear head(8, 3);
  std::vector<Mood> moods = {kHappy, kSad, kExcited, kCalm};
  std::vector<int64_t> ids;
  for (Mood m : moods)
    ids.push_back(static_cast<int64_t>(m));
  auto loss = F::cross_entropy(head(torch::randn({4, 8})), torch::tensor(ids));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 2, 3} but the input [4, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
}

// 1-based labels shifted through a reference, but one label too far: 4 - 1.
void shiftedThroughAReferenceStillTooLarge() {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> stars = {1, 2, 4, 3};
  for (int64_t &s : stars)
    s -= 1;
  auto loss = F::cross_entropy(head(torch::randn({4, 8})), torch::tensor(stars));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 2, 3} but the input [4, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
}

// Labels computed in a loop counted with constants: the loop runs round by
// round, so `i % 3 + 1` is known to reach 3.
void labelsComputedInACountedLoop() {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> ids;
  for (int64_t i = 0; i < 6; ++i)
    ids.push_back(i % 3 + 1);
  auto loss = F::cross_entropy(head(torch::randn({6, 8})), torch::tensor(ids));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {1, 2, 3} but the input [6, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
}

// Records built in a counted loop, their features appended with
// insert(end(), {...}) and their labels read back in a range-for: the batch
// of the features and the values of the labels are known.
struct Sample {
  float a, b;
  int64_t label;
};
void recordsBuiltInALoop() {
  std::vector<Sample> samples;
  int64_t n = 0;
  while (n < 4) {
    samples.push_back({0.5f * n, 1.0f, (n / 2) * 2});
    n++;
  }
  std::vector<float> features;
  std::vector<int64_t> labels;
  for (const auto &s : samples) {
    features.insert(features.end(), {s.a, s.b});
    labels.push_back(s.label);
  }
  torch::nn::Linear head(2, 2);
  auto logits = head(torch::tensor(features).view({-1, 2}));
  auto loss = F::cross_entropy(logits, torch::tensor(labels));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 2} but the input [4, 2] has C = 2 classes: 2 is outside [0, 1] and not ignore_index -100; LibTorch raises "Target 2 is out of bounds."
}

// A "no class" label equal to C.
void fullWithNumClasses() {
  torch::nn::Linear fc(8, 3);
  auto y = torch::full({16}, 3);
  auto loss = F::cross_entropy(fc(torch::randn({16, 8})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {3} but the input [16, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: torch::full fills it with 3
}

void arangeFromOne() {
  torch::nn::Linear fc(8, 4);
  auto y = torch::arange(1, 5);
  auto loss = F::cross_entropy(fc(torch::randn({4, 8})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {1, 2, 3, 4} but the input [4, 4] has C = 4 classes: 4 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: torch::arange creates the values {1, 2, 3, 4}
}

void shiftedUp() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [1, 3] but the input [32, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: torch::randint draws values in [0, 2]
}

// Zero-based labels "converted" to zero-based a second time.
void shiftedDownTwice() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  y = y - 1;
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [-1, 1] but the input [32, 3] has C = 3 classes: -1 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target -1 is out of bounds."
}

// Shifted in place, by a compound assignment or by add_.
void shiftedUpInPlace() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  y += 1;
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [1, 3] but the input [32, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
  auto z = torch::randint(0, 3, {32});
  z.add_(1);
  auto loss2 = F::cross_entropy(fc(torch::randn({32, 10})), z);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: target of CrossEntropyLoss has values in [1, 3] but the input [32, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
}

void clampedInPlaceToTheWrongBound() {
  torch::nn::Linear fc(4, 3);
  auto y = torch::tensor({0, 5, 2, 1});
  y.clamp_(0, 3);
  auto loss = F::cross_entropy(fc(torch::randn({4, 4})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 2, 3} but the input [4, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
}

void clampedToTheWrongBound() {
  torch::nn::Linear fc(4, 3);
  auto y = torch::tensor({0, 5, 2, 1}).clamp(0, 3);
  auto loss = F::cross_entropy(fc(torch::randn({4, 4})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 2, 3} but the input [4, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
}

// -1 as a padding label, but ignore_index is still the default -100.
void paddingLabelWithDefaultIgnoreIndex() {
  torch::nn::Linear fc(4, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto y = torch::tensor({0, -1, 2});
  auto loss = criterion(fc(torch::randn({3, 4})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {-1, 0, 2} but the input [3, 3] has C = 3 classes: -1 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target -1 is out of bounds."
}

// ignore_index set to -1 while the padding label is -100.
void ignoreIndexSetToAnotherValue() {
  torch::nn::Linear fc(4, 3);
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().ignore_index(-1));
  auto y = torch::tensor({0, -100, 2});
  auto loss = criterion(fc(torch::randn({3, 4})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {-100, 0, 2} but the input [3, 3] has C = 3 classes: -100 is outside [0, 2] and not ignore_index -1; LibTorch raises "Target -100 is out of bounds."
}

void functionalOptionsIgnoreAnotherValue() {
  torch::nn::Linear fc(4, 3);
  auto y = torch::tensor({0, -1, 255});
  auto loss = F::cross_entropy(fc(torch::randn({3, 4})), y,
                               F::CrossEntropyFuncOptions().ignore_index(-1));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: target of CrossEntropyLoss has values {-1, 0, 255} but the input [3, 3] has C = 3 classes: 255 is outside [0, 2] and not ignore_index -1; LibTorch raises "Target 255 is out of bounds."
}

// A segmentation mask with more classes than the head has channels.
void segmentationMaskWithAnExtraClass() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).padding(1));
  auto mask = torch::randint(0, 5, {2, 16, 16});
  auto loss = F::cross_entropy(head(torch::randn({2, 8, 16, 16})), mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [0, 4] but the input [2, 4, 16, 16] has C = 4 classes: 4 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-4]]:21: note: this convolution outputs 4 channels
}

// Border pixels labelled 255, with the default ignore_index.
void segmentationBorderLabel() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).padding(1));
  auto mask = torch::tensor({{{0, 1}, {255, 3}}});
  auto loss = F::cross_entropy(head(torch::randn({1, 8, 2, 2})), mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 3, 255} but the input [1, 4, 2, 2] has C = 4 classes: 255 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 255 is out of bounds."
}

void nllLossModule() {
  torch::nn::Linear fc(10, 3);
  torch::nn::NLLLoss nll;
  auto logp = torch::log_softmax(fc(torch::randn({3, 10})), 1);
  auto loss = nll(logp, torch::tensor({1, 3, 0}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of NLLLoss has values {0, 1, 3} but the input [3, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds."
}

void nllLossFunctionalInALoop() {
  torch::nn::Linear fc(10, 4);
  for (int epoch = 0; epoch < 3; ++epoch) {
    auto y = torch::randint(1, 5, {32});
    auto loss = F::nll_loss(torch::log_softmax(fc(torch::randn({32, 10})), 1), y);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: target of NLLLoss has values in [1, 4] but the input [32, 4] has C = 4 classes: 4 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds."
  }
}

// Labels looked up by name, -1 for a name the lookup does not know.
int64_t languageId(const std::string &code) {
  if (code == "en")
    return 0;
  if (code == "de")
    return 1;
  if (code == "fr")
    return 2;
  return -1;
}

void labelsLookedUpByName() {
  torch::nn::Linear fc(26, 3);
  std::vector<std::string> codes = {"en", "de", "??", "fr"};
  std::vector<int64_t> ids;
  for (const auto &code : codes)
    ids.push_back(languageId(code));
  auto loss = F::cross_entropy(fc(torch::rand({4, 26})),
                               torch::tensor(ids, torch::kLong));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: target of CrossEntropyLoss has values {-1, 0, 1, 2} but the input [4, 3] has C = 3 classes: -1 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target -1 is out of bounds."
}

// Label ids from a table that grew a fifth label; the head has four.
const std::map<std::string, int64_t> kSentimentIds = {
    {"negative", 0}, {"neutral", 1}, {"positive", 2}, {"mixed", 3},
    {"sarcastic", 4}};

void labelsFromAMap() {
  torch::nn::Linear fc(9, 4);
  std::vector<std::string> names = {"positive", "sarcastic", "neutral"};
  std::vector<int64_t> ids;
  for (const auto &name : names)
    ids.push_back(kSentimentIds.at(name));
  auto loss = F::cross_entropy(fc(torch::randn({3, 9})), torch::tensor(ids));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {1, 2, 4} but the input [3, 4] has C = 4 classes: 4 is outside [0, 3]
}

//===--- Positive: a value written into the targets -----------------------===//

using torch::indexing::None;
using torch::indexing::Slice;

// Padding written after each shorter sequence, with no ignore_index for it.
void paddingWrittenIntoSlices() {
  torch::nn::Linear tagger(16, 3);
  auto tags = torch::randint(0, 3, {3, 6});
  for (int64_t b = 0; b < 3; ++b) {
    int64_t len = 6 - b;
    if (len < 6)
      tags.index_put_({b, Slice(len)}, -1);
  }
  auto logits = tagger(torch::randn({3, 6, 16})).transpose(1, 2);
  auto loss = F::cross_entropy(logits, tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [-1, 2] but the input [3, 3, 6] has C = 3 classes: -1 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target -1 is out of bounds." [torch-target-out-of-range]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [3, 3, 6] / [3, 6] drawn from the values in [-1, 2]: the first offending sampled value is -1, at target[0, 0]; CrossEntropyLoss raises "Target -1 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-6]]:12: note: -1 is written into it here
  // CHECK-MESSAGES: :[[@LINE-12]]:21: note: this Linear outputs 3 features
}

// The padding written through narrow() and fill_().
void paddingFilledThroughNarrow() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::randint(0, 4, {8});
  labels.narrow(0, 6, 2).fill_(-1);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [-1, 3] but the input [8, 4] has C = 4 classes: -1 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target -1 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [8, 4] / [8] drawn from the values in [-1, 3]: the first offending sampled value is -1, at target[0]; CrossEntropyLoss raises "Target -1 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: -1 is written into it here
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 4 features
}

// An assignment to a slice of the labels.
void assignedToASlice() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::randint(0, 4, {8});
  labels.index({Slice(5, None)}) = 4;
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [0, 4] but the input [8, 4] has C = 4 classes: 4 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [8, 4] / [8] drawn from the values in [0, 4]: the first offending sampled value is 4, at target[0]; CrossEntropyLoss raises "Target 4 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-4]]:34: note: 4 is written into it here
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 4 features
}

// One label set past the last class.
void oneElementAssigned() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::randint(0, 4, {8});
  labels[3] = 7;
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [0, 7] but the input [8, 4] has C = 4 classes: 7 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target <value> is out of bounds." at the first of them
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [8, 4] / [8] drawn from the values in [0, 7]: the first offending sampled value is 7, at target[0]; CrossEntropyLoss raises "Target 7 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-4]]:13: note: 7 is written into it here
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 4 features
}

// A padded batch built from sequences of known tags: the padding left after
// the shorter ones is neither a class nor the ignore_index.
void paddedBatchOfKnownTags() {
  std::vector<std::vector<int64_t>> tagSeqs = {{1, 2, 2, 3}, {4, 1}, {2, 3, 1}};
  auto tags = torch::full({3, 4}, -100, torch::kLong);
  for (int64_t i = 0; i < 3; ++i) {
    int64_t len = static_cast<int64_t>(tagSeqs[i].size());
    tags[i].narrow(0, 0, len).copy_(torch::tensor(tagSeqs[i]));
  }
  torch::nn::Linear proj(8, 5);
  auto logp = torch::log_softmax(proj(torch::randn({3, 4, 8})), -1);
  torch::nn::NLLLoss criterion(torch::nn::NLLLossOptions().ignore_index(0));
  auto loss = criterion(logp.permute({0, 2, 1}), tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of NLLLoss has values {-100, 1, 2, 3, 4} but the input [3, 5, 4] has C = 5 classes: -100 is outside [0, 4] and not ignore_index 0; LibTorch raises "Target -100 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [3, 5, 4] / [3, 4] drawn from the values {-100, 1, 2, 3, 4}: the first offending sampled value is -100, at target[1, 2]; NLLLoss raises "Target -100 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-11]]:15: note: torch::full fills it with -100
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 5 features
}

// Tokens and tags padded side by side by a helper called in a loop: a write
// into the tokens leaves what is known of the tags, another tensor.
struct TokensAndTags {
  torch::Tensor tokens, tags;
};
TokensAndTags paddedBatch(int64_t batch, int64_t maxLen, int64_t pad) {
  auto tokens = torch::randint(1, 50, {batch, maxLen});
  auto tags = tokens.remainder(3);
  for (int64_t b = 0; b < batch; ++b) {
    int64_t len = maxLen - b;
    tokens.index_put_({b, Slice(len)}, 0);
    tags.index_put_({b, Slice(len)}, pad);
  }
  return {tokens, tags};
}
void paddedByAHelperInALoop() {
  torch::nn::Linear tagger(16, 3);
  for (int step = 0; step < 3; ++step) {
    auto batch = paddedBatch(3, 6, -1);
    auto logits = tagger(torch::randn({3, 6, 16})).transpose(1, 2);
    auto loss = F::cross_entropy(logits, batch.tags);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: target of CrossEntropyLoss has values in [-1, 2] but the input [3, 3, 6] has C = 3 classes: -1 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target -1 is out of bounds."
    // CHECK-MESSAGES: :[[@LINE-2]]:17: note: confirmed on sample data [3, 3, 6] / [3, 6] drawn from the values in [-1, 2]: the first offending sampled value is -1, at target[0, 0]; CrossEntropyLoss raises "Target -1 is out of bounds."
    // CHECK-MESSAGES: :[[@LINE-12]]:10: note: -1 is written into it here
    // CHECK-MESSAGES: :[[@LINE-8]]:21: note: this Linear outputs 3 features
  }
}

// Sentences padded element by element to the longest one (std::max).
struct Sentence {
  std::vector<int64_t> tokens, tags;
};
torch::Tensor padTags(const std::vector<Sentence> &batch) {
  size_t maxLen = 0;
  for (const auto &s : batch)
    maxLen = std::max(maxLen, s.tags.size());
  auto tags = torch::full({static_cast<int64_t>(batch.size()),
                           static_cast<int64_t>(maxLen)},
                          -1, torch::kLong);
  for (size_t b = 0; b < batch.size(); ++b)
    for (size_t t = 0; t < batch[b].tags.size(); ++t)
      tags[b][t] = batch[b].tags[t];
  return tags;
}
void paddedElementByElement() {
  std::vector<Sentence> corpus = {{{4, 8, 15}, {1, 0, 2}}, {{23, 42}, {2, 1}}};
  torch::nn::Linear tagger(16, 3);
  auto tags = padTags(corpus);
  auto loss = F::cross_entropy(tagger(torch::randn({6, 16})), tags.reshape({-1}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {-1, 0, 1, 2} but the input [6, 3] has C = 3 classes: -1 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target -1 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [6, 3] / [6] drawn from the values {-1, 0, 1, 2}: the first offending sampled value is -1, at target[4]; CrossEntropyLoss raises "Target -1 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-15]]:15: note: torch::full fills it with -1
  // CHECK-MESSAGES: :[[@LINE-6]]:21: note: this Linear outputs 3 features
}

// A border of -1 around labels drawn for the interior.
void borderAroundDrawnLabels() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(4, 3, 3).padding(1));
  auto mask = torch::full({2, 10, 10}, -1, torch::kLong);
  mask.slice(1, 1, 9).slice(2, 1, 9).copy_(torch::randint(0, 3, {2, 8, 8}));
  auto loss = F::cross_entropy(head(torch::randn({2, 4, 10, 10})), mask,
                               F::CrossEntropyFuncOptions().ignore_index(255));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: target of CrossEntropyLoss has values in [-1, 2] but the input [2, 3, 10, 10] has C = 3 classes: -1 is outside [0, 2] and not ignore_index 255; LibTorch raises "Target -1 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: confirmed on sample data [2, 3, 10, 10] / [2, 10, 10] drawn from the values in [-1, 2]: the first offending sampled value is -1, at target[0, 0, 0]; CrossEntropyLoss raises "Target -1 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: torch::full fills it with -1
  // CHECK-MESSAGES: :[[@LINE-8]]:21: note: this convolution outputs 3 channels
}

// Every label overwritten.
void wholeTensorFilled() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::zeros({8}, torch::kLong);
  labels.fill_(4);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {4} but the input [8, 4] has C = 4 classes: 4 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [8, 4] / [8] drawn from the values {4}: the first offending sampled value is 4, at target[0]; CrossEntropyLoss raises "Target 4 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: 4 is written into it here
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 4 features
}

//===--- Negative: targets LibTorch accepts, or values that are unknown ---===//

// Padding that the loss ignores.
void paddingIgnored() {
  torch::nn::Linear tagger(16, 3);
  auto tags = torch::randint(0, 3, {3, 6});
  for (int64_t b = 1; b < 3; ++b)
    tags.index_put_({b, Slice(6 - b)}, -1);
  auto logits = tagger(torch::randn({3, 6, 16})).transpose(1, 2);
  auto loss = F::cross_entropy(logits, tags,
                               F::CrossEntropyFuncOptions().ignore_index(-1));
}

// Every sequence has the full length: the slices written are empty.
void paddingIntoEmptySlices() {
  torch::nn::Linear tagger(16, 3);
  auto tags = torch::randint(0, 3, {3, 6});
  for (int64_t b = 0; b < 3; ++b)
    tags.index_put_({b, Slice(6)}, -1);
  auto logits = tagger(torch::randn({3, 6, 16})).transpose(1, 2);
  auto loss = F::cross_entropy(logits, tags);
}

// The padding is mapped to a class before the loss.
void paddingReplacedBeforeTheLoss() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::randint(0, 4, {8});
  labels.narrow(0, 6, 2).fill_(-1);
  labels.masked_fill_(labels < 0, 0);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
}

// A value written over the bad one.
void badValueOverwrittenBySlice() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::randint(0, 4, {8});
  labels.index({Slice(None, 2)}) = 9;
  labels.index({Slice(None, 2)}) = 1;
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
}

// reshape() may copy: what is written into its result proves nothing.
void writtenIntoACopy() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::randint(0, 4, {8});
  labels.reshape({2, 4}).fill_(-1);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
}

// Advanced indexing copies: the assignment changes a temporary.
void writtenThroughAMask() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::randint(0, 4, {8});
  labels.index({labels > 2}) = -1;
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
}

// Every sequence fills its row: no padding is left.
void paddedBatchFullyWritten() {
  std::vector<std::vector<int64_t>> tagSeqs = {{1, 2, 2}, {4, 1, 3}};
  auto tags = torch::full({2, 3}, -100, torch::kLong);
  for (int64_t i = 0; i < 2; ++i)
    tags.index_put_({i, Slice(0, 3)}, torch::tensor(tagSeqs[i]));
  torch::nn::Linear proj(8, 5);
  auto logp = torch::log_softmax(proj(torch::randn({2, 3, 8})), -1);
  auto loss = F::nll_loss(logp.permute({0, 2, 1}), tags,
                          F::NLLLossFuncOptions().ignore_index(0));
}

// The padding is the loss's ignore_index.
void paddedBatchIgnored() {
  std::vector<std::vector<int64_t>> tagSeqs = {{1, 2, 2, 3}, {4, 1}};
  auto tags = torch::full({2, 4}, -100, torch::kLong);
  for (int64_t i = 0; i < 2; ++i) {
    int64_t len = static_cast<int64_t>(tagSeqs[i].size());
    tags[i].narrow(0, 0, len).copy_(torch::tensor(tagSeqs[i]));
  }
  torch::nn::Linear proj(8, 5);
  auto logp = torch::log_softmax(proj(torch::randn({2, 4, 8})), -1);
  auto loss = F::nll_loss(logp.permute({0, 2, 1}), tags);
}

// A helper shifts the labels in place: the caller's handle shares them.
void shiftInPlace(torch::Tensor t) { t.add_(1); }
void labelsShiftedByAHelper() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::full({8}, -1, torch::kLong);
  shiftInPlace(labels);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
}

// Written through a view: the tensor it views changes.
void fixedThroughAView() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::full({8}, -1, torch::kLong);
  auto grid = labels.view({2, 4});
  grid.fill_(0);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
}

// The drawn labels cover the whole mask: no border is left.
void drawnLabelsEverywhere() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(4, 3, 3).padding(1));
  auto mask = torch::full({2, 10, 10}, -1, torch::kLong);
  mask.slice(1, 0, 10).copy_(torch::randint(0, 3, {2, 10, 10}));
  auto loss = F::cross_entropy(head(torch::randn({2, 4, 10, 10})), mask);
}

// The border is the ignore_index.
void borderIgnored() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(4, 3, 3).padding(1));
  auto mask = torch::full({2, 10, 10}, 255, torch::kLong);
  mask.slice(1, 1, 9).slice(2, 1, 9).copy_(torch::randint(0, 3, {2, 8, 8}));
  auto loss = F::cross_entropy(head(torch::randn({2, 4, 10, 10})), mask,
                               F::CrossEntropyFuncOptions().ignore_index(255));
}

// Every sentence has the longest one's length: nothing is padded.
void sentencesOfOneLength() {
  std::vector<Sentence> corpus = {{{4, 8}, {1, 0}}, {{23, 42}, {2, 1}}};
  torch::nn::Linear tagger(16, 3);
  auto tags = padTags(corpus);
  auto loss = F::cross_entropy(tagger(torch::randn({4, 16})), tags.reshape({-1}));
}

// flip() reverses the elements: the one overwritten is the bad label.
void badLabelFlippedThenOverwritten() {
  torch::nn::Linear fc(10, 3);
  auto labels = torch::tensor({0, 1, 5}).flip(0);
  labels[0] = 2;
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), labels);
}

// The bad label is fixed through an accessor, and through data_ptr().
void fixedThroughAnAccessor() {
  torch::nn::Linear fc(10, 3);
  auto labels = torch::tensor({0, 7, 1});
  auto elements = labels.accessor<int64_t, 1>();
  elements[1] = 2;
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), labels);
}
void fixedThroughDataPtr() {
  torch::nn::Linear fc(10, 3);
  auto labels = torch::tensor({0, 7, 1});
  int64_t *raw = labels.data_ptr<int64_t>();
  raw[1] = 2;
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), labels);
}

// LibTorch's functions that write their tensor argument: in-place function
// forms and _out variants.
void shiftedByAnOutVariant() {
  torch::nn::Linear fc(10, 3);
  auto labels = torch::tensor({1, 2, 3});
  torch::sub_out(labels, labels, 1);
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), labels);
}
void filledByAnInitFunction() {
  torch::nn::Linear fc(10, 3);
  auto labels = torch::tensor({0, 1, 7});
  torch::nn::init::constant_(labels, 1);
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), labels);
}
void clampedByAnInPlaceFunction() {
  torch::nn::Linear fc(10, 3);
  auto labels = torch::tensor({1, 2, 3});
  torch::clamp_max_(labels, 2);
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), labels);
}

// A class index in range.
void paddingWithAClass() {
  torch::nn::Linear fc(10, 4);
  auto labels = torch::randint(0, 4, {8});
  labels.narrow(0, 6, 2).fill_(3);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), labels);
}


// Negative: the names used are all below the head's size; a name the map
// does not hold, looked up with [], is inserted with id 0 (not known here).
void labelsFromAMapInRange() {
  torch::nn::Linear fc(9, 4);
  std::vector<std::string> names = {"positive", "mixed", "negative"};
  std::vector<int64_t> ids;
  for (const auto &name : names)
    ids.push_back(kSentimentIds.at(name));
  auto a = F::cross_entropy(fc(torch::randn({3, 9})), torch::tensor(ids));
  std::map<std::string, int64_t> local = {{"b", 1}, {"a", 0}, {"b", 5}};
  auto b = F::cross_entropy(fc(torch::randn({2, 9})),
                            torch::tensor({local["b"], local["c"]}));
}

// Negative: the unknown name is mapped to class 0 before the lookup.
void labelsLookedUpWithAFallback() {
  torch::nn::Linear fc(26, 3);
  std::vector<std::string> codes = {"en", "de", "??", "fr"};
  std::vector<int64_t> ids;
  for (const auto &code : codes)
    ids.push_back(code != "??" ? languageId(code) : 0);
  auto loss = F::cross_entropy(fc(torch::rand({4, 26})),
                               torch::tensor(ids, torch::kLong));
}

void validRandint() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({32, 10});
  auto a = F::cross_entropy(fc(x), torch::randint(0, 3, {32}));
  auto b = F::cross_entropy(fc(x), torch::randint(3, {32}));
}

// 1-based labels converted once: [1, 3] - 1 is [0, 2].
void oneBasedLabelsConverted() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(1, 4, {32}) - 1;
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
}

// One-based labels converted in place: by sub_, by -=, or by clamp_.
void oneBasedLabelsConvertedInPlace() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(1, 4, {32});
  y.sub_(1);
  auto a = F::cross_entropy(fc(torch::randn({32, 10})), y);
  auto z = torch::randint(1, 4, {32});
  z -= 1;
  auto b = F::cross_entropy(fc(torch::randn({32, 10})), z);
  auto w = torch::randint(-1, 5, {32});
  w.clamp_(0, 2);
  auto c = F::cross_entropy(fc(torch::randn({32, 10})), w);
}

// Any integer modulo C is a class.
void remainderMakesClasses() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 100, {32}) % 3;
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
}

// Clamped into [0, C-1].
void clampedIntoRange() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(-1, 5, {32}).clamp(0, 2);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
}

void validLiteralsFullAndArange() {
  torch::nn::Linear fc(4, 3);
  auto a = F::cross_entropy(fc(torch::randn({3, 4})), torch::tensor({2, 0, 1}));
  auto b = F::cross_entropy(fc(torch::randn({5, 4})), torch::full({5}, 2));
  auto c = F::cross_entropy(fc(torch::randn({3, 4})), torch::arange(3));
  std::vector<int64_t> labels = {2, 2, 0};
  auto d = F::cross_entropy(fc(torch::randn({3, 4})), torch::tensor(labels));
}

// -100 is the default ignore_index: those entries are skipped.
void defaultIgnoreIndexSkipped() {
  torch::nn::Linear fc(4, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto y = torch::tensor({0, -100, 2});
  auto loss = criterion(fc(torch::randn({3, 4})), y);
}

void ignoreIndexSetInModuleOptions() {
  torch::nn::Linear fc(4, 3);
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().ignore_index(-1));
  auto y = torch::tensor({0, -1, 2});
  auto loss = criterion(fc(torch::randn({3, 4})), y);
}

void ignoreIndexSetInFunctionalOptions() {
  torch::nn::Linear fc(4, 3);
  auto y = torch::tensor({0, -1, 2});
  auto loss = F::cross_entropy(fc(torch::randn({3, 4})), y,
                               F::CrossEntropyFuncOptions().ignore_index(-1));
}

void ignoreIndexForSegmentationBorder() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).padding(1));
  auto mask = torch::tensor({{{0, 1}, {255, 3}}});
  auto loss = F::cross_entropy(head(torch::randn({1, 8, 2, 2})), mask,
                               F::CrossEntropyFuncOptions().ignore_index(255));
}

void ignoreIndexInNllLossOptions() {
  torch::nn::Linear fc(10, 3);
  torch::nn::NLLLoss nll(torch::nn::NLLLossOptions().ignore_index(-1));
  auto logp = torch::log_softmax(fc(torch::randn({3, 10})), 1);
  auto loss = nll(logp, torch::tensor({-1, 2, 0}));
  auto loss2 = F::nll_loss(logp, torch::tensor({1, 3, 0}),
                           F::NLLLossFuncOptions().ignore_index(3));
}

// The bad label is overwritten before the loss: the values are no longer
// known.
void valueOverwrittenThroughIndex() {
  torch::nn::Linear fc(4, 3);
  auto y = torch::tensor({0, 7, 2});
  y[1] = 1;
  auto loss = F::cross_entropy(fc(torch::randn({3, 4})), y);
}

void valuesOverwrittenThroughAView() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(-1, 4, {32});
  auto flat = y.view({4, 8});
  flat.clamp_(0, 2);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
}

void valuesFixedInPlace() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(-1, 3, {32});
  y.masked_fill_(y < 0, 0);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
}

// 1-based labels shifted to 0-based through the loop's reference.
void shiftedThroughAReference() {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> stars = {1, 2, 3, 3};
  for (auto &s : stars)
    s -= 1;
  auto loss = F::cross_entropy(head(torch::randn({4, 8})), torch::tensor(stars));
}

void assignedThroughAReference() {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> stars = {1, 2, 3, 3};
  for (int64_t &s : stars)
    s = s - 1;
  auto loss = F::cross_entropy(head(torch::randn({4, 8})), torch::tensor(stars));
}

// The labels of a field are shifted through a reference: no longer known.
struct Ratings {
  std::vector<int64_t> stars = {1, 2, 3, 3};
};
void shiftedFieldThroughAReference(Ratings r) {
  torch::nn::Linear head(8, 3);
  for (auto &s : r.stars)
    s -= 1;
  auto loss =
      F::cross_entropy(head(torch::randn({4, 8})), torch::tensor(r.stars));
}

// The loop stops at the first out-of-range label: 3 is never pushed.
void loopBreaksBeforeTheBadLabel() {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> raw = {2, 0, 3, 1};
  std::vector<int64_t> ids;
  for (int64_t r : raw) {
    if (r >= 3)
      break;
    ids.push_back(r);
  }
  auto loss = F::cross_entropy(head(torch::randn({2, 8})), torch::tensor(ids));
}

// The same loop with labels that stay in range, and one whose bound is not
// known: nothing is claimed.
void labelsInRangeInACountedLoop() {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> ids;
  for (int64_t i = 0; i < 6; ++i)
    ids.push_back(i % 3);
  auto loss = F::cross_entropy(head(torch::randn({6, 8})), torch::tensor(ids));
}

void labelsInALoopOfUnknownLength(int64_t n) {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> ids;
  for (int64_t i = 0; i < n; ++i)
    ids.push_back(i % 3);
  auto loss = F::cross_entropy(head(torch::randn({6, 8})), torch::tensor(ids));
}

// A loop of more rounds than are run one by one: analyzed as a whole, its
// labels are not known.
void labelsInALongLoop() {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> ids;
  for (int64_t i = 0; i < 1000; ++i)
    ids.push_back(i < 999 ? 0 : 5);
  auto loss =
      F::cross_entropy(head(torch::randn({1000, 8})), torch::tensor(ids));
}

// The loop leaves before the label that would be out of range.
void shortCircuitStopsTheLoop() {
  torch::nn::Linear head(8, 3);
  std::vector<int64_t> ids;
  bool done = false;
  for (int64_t i = 0; i < 5 && !done; ++i) {
    ids.push_back(i);
    done = i == 2;
  }
  auto loss = F::cross_entropy(head(torch::randn({3, 8})), torch::tensor(ids));
}

// The labels come from outside: nothing is known about their values.
void labelsFromOutside(const torch::Tensor &labels) {
  torch::nn::Linear fc(10, 3);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), labels);
}

// The number of classes is unknown.
void unknownNumberOfClasses(int64_t classes) {
  torch::nn::Linear fc(10, classes);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})),
                               torch::randint(0, 5, {32}));
}

// Float targets are another check's (the dtype is rejected first).
void floatTargetIsAnotherError() {
  torch::nn::Linear fc(4, 3);
  auto loss = F::cross_entropy(fc(torch::randn({3, 4})),
                               torch::tensor({0.0, 5.0, 1.0}));
}

// index_put_ through a tensor of int64 indices writes as many elements as it
// holds: a marker written through four of them occurs afterwards.
void markerWrittenThroughIndexTensor() {
  torch::nn::Linear fc(9, 3);
  auto x = torch::randn({30, 9});
  auto labels = std::get<1>(x.slice(1, 0, 3).max(1));
  labels.index_put_({torch::tensor({3, 11, 17, 24})}, 3);
  auto loss = F::cross_entropy(fc(x), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [0, 3] but the input [30, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: 3 is written into it here
}

// Through an empty index tensor nothing is written; through a mask, maybe
// nothing.
void markerWrittenThroughNoIndexOrAMask() {
  torch::nn::Linear fc(9, 3);
  auto x = torch::randn({30, 9});
  auto labels = std::get<1>(x.slice(1, 0, 3).max(1));
  labels.index_put_({torch::empty({0}, torch::kLong)}, 3);
  auto a = F::cross_entropy(fc(x), labels);
  labels.index_put_({labels == 1}, 3);
  auto b = F::cross_entropy(fc(x), labels);
}

// A table that remaps raw codes to classes: the labels are the table's
// entries at the codes' positions.
void labelsRemappedThroughATable() {
  torch::nn::Linear fc(4, 3);
  auto table = torch::tensor({0, 0, 1, 2, 2, 3});
  auto codes = torch::tensor({0, 1, 2, 3, 4, 5, 5, 0});
  auto loss = F::cross_entropy(fc(torch::randn({8, 4})), table.index({codes}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 2, 3} but the input [8, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
}

// Codes computed from arange keep every element: arange(8) % 6 reaches the
// table's last entry.
void tableIndexedByArangeCodes() {
  torch::nn::Linear fc(4, 3);
  auto table = torch::tensor({0, 0, 1, 2, 2, 3});
  auto loss =
      F::cross_entropy(fc(torch::randn({8, 4})), table.index({torch::arange(8) % 6}));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: target of CrossEntropyLoss has values {0, 1, 2, 3} but the input [8, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
}

// Codes that never reach the table's last entry: every label is in range,
// though the table holds an out-of-range one.
void remapTableEntryNeverUsed() {
  torch::nn::Linear fc(4, 3);
  auto table = torch::tensor({0, 0, 1, 2, 2, 3});
  auto codes = torch::tensor({0, 1, 2, 3, 4, 4, 1, 0});
  auto loss = F::cross_entropy(fc(torch::randn({8, 4})), table.index({codes}));
  auto loss2 = F::cross_entropy(fc(torch::randn({8, 4})),
                                table.index({torch::arange(8) % 5}));
}
