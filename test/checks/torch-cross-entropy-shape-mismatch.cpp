// RUN: %check_torchlint %s torch-cross-entropy-shape-mismatch %t -- %torch_flags
// RUN: %check_torchlint --plugin %plugin --clang-tidy %clang_tidy %s torch-cross-entropy-shape-mismatch %t-plugin -- %torch_flags

#include <torch/torch.h>

#include <vector>

namespace F = torch::nn::functional;

//===--- Positive: shapes cross_entropy / nll_loss reject -----------------===//

// Issue 3's example: a batch of 32 against 16 labels.
void batchSizesDiffer() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto logits = fc(torch::randn({32, 10}));
  auto labels = torch::randint(0, 3, {16});
  auto loss = criterion(logits, labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [32, 3] and int64 target of shape [16]: the batch sizes differ; LibTorch raises "Expected input batch_size (32) to match target batch_size (16)." [torch-cross-entropy-shape-mismatch]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [32, 3] / [16]: CrossEntropyLoss raises "Expected input batch_size (32) to match target batch_size (16)."
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 3 features
  // CHECK-MESSAGES: :[[@LINE-5]]:17: note: torch::randint creates shape [16]
}

// The labels of the whole dataset passed with one batch of inputs.
void labelsOfTheWholeDataset() {
  torch::nn::Sequential model(torch::nn::Linear(8, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, 4));
  auto inputs = torch::randn({256, 8});
  auto labels = torch::randint(0, 4, {256});
  auto batch = inputs.slice(0, 0, 64);
  auto loss = F::cross_entropy(model->forward(batch), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [64, 4] and int64 target of shape [256]: the batch sizes differ; LibTorch raises "Expected input batch_size (64) to match target batch_size (256)."
}

void nllLossBatchSizesDiffer() {
  torch::nn::Linear fc(10, 3);
  auto logp = torch::log_softmax(fc(torch::randn({8, 10})), 1);
  auto loss = F::nll_loss(logp, torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: NLLLoss receives input of shape [8, 3] and int64 target of shape [4]: the batch sizes differ; LibTorch raises "Expected input batch_size (8) to match target batch_size (4)."
}

// A one-hot int64 target of the input's shape is read as probabilities.
void oneHotInt64Target() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto y = torch::randint(0, 3, {32});
  auto onehot = F::one_hot(y, 3);
  auto loss = criterion(fc(torch::randn({32, 10})), onehot);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [32, 3] and int64 target of shape [32, 3]: a target of the input's shape is read as class probabilities, which must be floating point; LibTorch raises "Expected floating point type for target with class probabilities, got Long"
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: one_hot returns an int64 tensor
}

void multiHotLongTarget() {
  torch::nn::Linear fc(10, 5);
  auto tags = torch::randint(0, 2, {16, 5});
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [16, 5] and int64 target of shape [16, 5]: a target of the input's shape is read as class probabilities, which must be floating point; LibTorch raises "Expected floating point type for target with class probabilities, got Long"
}

void boolMaskTarget() {
  torch::nn::Linear fc(10, 3);
  auto scores = torch::rand({16, 3});
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), scores > 0.5);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [16, 3] and bool target of shape [16, 3]: a target of the input's shape is read as class probabilities, which must be floating point; LibTorch raises "Expected floating point type for target with class probabilities, got Bool"
}

// Soft labels over 4 classes for a 3-class head.
void probabilityTargetOfAnotherShape() {
  torch::nn::Linear fc(10, 3);
  auto soft = torch::softmax(torch::randn({16, 4}), 1);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), soft);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [16, 3] and float target of shape [16, 4]: the target's shape does not fit the input's; LibTorch raises "0D or 1D target tensor expected, multi-target not supported"
}

// Soft labels transposed: [C, N] against [N, C].
void probabilityTargetTransposed() {
  torch::nn::Linear fc(10, 3);
  auto soft = torch::softmax(torch::randn({3, 16}), 0);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), soft);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [16, 3] and float target of shape [3, 16]: the batch sizes differ; LibTorch raises "Expected input batch_size (16) to match target batch_size (3)."
}

// Sequence logits [N, T, C] not permuted to [N, C, T]: T is read as C.
void sequenceLogitsNotPermuted() {
  torch::nn::Linear fc(16, 5);
  auto logits = fc(torch::randn({4, 7, 16}));
  auto tags = torch::randint(0, 5, {4, 7});
  auto loss = F::cross_entropy(logits, tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [4, 7, 5] and int64 target of shape [4, 7]: the target's shape does not fit the input's; LibTorch raises "Expected target size [4, 5], got [4, 7]"
}

// A K-dimensional input whose target lost its time axis.
void kDimensionalTargetTooShort() {
  torch::nn::Conv1d conv(torch::nn::Conv1dOptions(8, 6, 3).padding(1));
  auto out = conv(torch::randn({2, 8, 50}));
  auto loss = F::cross_entropy(out, torch::randint(0, 6, {2}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [2, 6, 50] and int64 target of shape [2]: the target's shape does not fit the input's; LibTorch raises "Expected target size [2, 50], got [2]"
}

// A segmentation mask at half the resolution of the logits.
void maskAtAnotherResolution() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).padding(1));
  auto mask = torch::randint(0, 4, {2, 8, 8});
  auto loss = F::cross_entropy(head(torch::randn({2, 8, 16, 16})), mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [2, 4, 16, 16] and int64 target of shape [2, 8, 8]: the target's shape does not fit the input's; LibTorch raises "size mismatch (got input: [2, 4, 16, 16] , target: [2, 8, 8]"
}

// A single sample's logits [3] against a target of shape [1].
void singleSampleWithABatchedTarget() {
  torch::nn::Linear fc(5, 3);
  auto loss = F::cross_entropy(fc(torch::randn({5})), torch::tensor({2}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [3] and int64 target of shape [1]: the target's shape does not fit the input's; LibTorch raises "size mismatch (got input: [3], target: [1])"
}

torch::Tensor lastBatchLabels(const torch::Tensor &all) {
  return all.slice(0, 0, 10);
}

void mismatchThroughAHelperInALoop() {
  torch::nn::Linear fc(6, 2);
  auto labels = torch::randint(0, 2, {100});
  for (int epoch = 0; epoch < 2; ++epoch) {
    auto loss = F::cross_entropy(fc(torch::randn({20, 6})), lastBatchLabels(labels));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: CrossEntropyLoss receives input of shape [20, 2] and int64 target of shape [10]: the batch sizes differ; LibTorch raises "Expected input batch_size (20) to match target batch_size (10)."
  }
}

// BCEWithLogitsLoss: a head of one output, [N, 1], against [N] labels. The
// C++ functional and module check the sizes; they do not broadcast.
void bceHeadOfOneAgainstFlatLabels() {
  torch::nn::Linear head(8, 1);
  torch::nn::BCEWithLogitsLoss criterion;
  auto labels = torch::randint(0, 2, {16}).to(torch::kFloat);
  auto loss = criterion(head(torch::randn({16, 8})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: BCEWithLogitsLoss receives input of shape [16, 1] and float target of shape [16]: the target's shape does not fit the input's; LibTorch raises "Target size ([16]) must be the same as input size ([16, 1])" [torch-cross-entropy-shape-mismatch]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [16, 1] / [16]: BCEWithLogitsLoss raises "Target size ([16]) must be the same as input size ([16, 1])"
}

// The logits of the last time step against a label per time step.
void lastStepAgainstLabelsPerStep() {
  torch::nn::LSTM lstm(torch::nn::LSTMOptions(8, 16).batch_first(true));
  torch::nn::Linear head(16, 5);
  auto states = std::get<0>(lstm->forward(torch::randn({4, 7, 8})));
  auto last = states.index({torch::indexing::Slice(), -1});
  auto tags = torch::randint(0, 5, {4, 7});
  auto loss = F::cross_entropy(head(last), tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [4, 5] and int64 target of shape [4, 7]: the target's shape does not fit the input's; LibTorch raises "0D or 1D target tensor expected, multi-target not supported" [torch-cross-entropy-shape-mismatch]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [4, 5] / [4, 7]: CrossEntropyLoss raises "0D or 1D target tensor expected, multi-target not supported"
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 5 features
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: torch::randint creates shape [4, 7]
}

//===--- Negative: accepted shapes, unknown shapes, other checks' bugs ----===//

// The last time step against one label per sequence; "..." and None.
void lastStepAgainstLabelsPerSequence() {
  using namespace torch::indexing;
  torch::nn::LSTM lstm(torch::nn::LSTMOptions(8, 16).batch_first(true));
  torch::nn::Linear head(16, 5);
  auto states = std::get<0>(lstm->forward(torch::randn({4, 7, 8})));
  auto last = states.index({Slice(), -1, Slice()});
  auto loss = F::cross_entropy(head(last), torch::randint(0, 5, {4}));
  auto steps = head(states.index({"...", Slice(1, None, 2), Slice()}));
  auto perStep = torch::randint(0, 5, {4, 3});
  auto stepLoss = F::cross_entropy(steps.transpose(1, 2), perStep);
  auto first = head(states.index({Slice(), 0}).index({None}));
  auto firstLoss = F::cross_entropy(first.squeeze(0), torch::randint(0, 5, {4}));
}


void matchingShapes() {
  torch::nn::Linear fc(10, 3);
  auto a = F::cross_entropy(fc(torch::randn({32, 10})), torch::randint(0, 3, {32}));
  auto b = F::nll_loss(torch::log_softmax(fc(torch::randn({8, 10})), 1),
                       torch::randint(0, 3, {8}));
}

// A float one-hot target of the input's shape is a valid probability target.
void floatOneHotTarget() {
  torch::nn::Linear fc(10, 3);
  auto onehot = F::one_hot(torch::randint(0, 3, {32}), 3).to(torch::kFloat);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), onehot);
}

void softLabelsOfTheInputsShape() {
  torch::nn::Linear fc(10, 3);
  auto soft = torch::softmax(torch::randn({16, 3}), 1);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), soft);
}

// [N, T, C] permuted to [N, C, T] against [N, T].
void sequenceLogitsPermuted() {
  torch::nn::Linear fc(16, 5);
  auto logits = fc(torch::randn({4, 7, 16})).permute({0, 2, 1});
  auto loss = F::cross_entropy(logits, torch::randint(0, 5, {4, 7}));
  auto loss2 = F::cross_entropy(fc(torch::randn({4, 7, 16})).transpose(1, 2),
                                torch::randint(0, 5, {4, 7}));
}

// Both flattened to [N * T, C] and [N * T].
void sequenceFlattened() {
  torch::nn::Linear fc(16, 5);
  auto logits = fc(torch::randn({4, 7, 16}));
  auto tags = torch::randint(0, 5, {4, 7});
  auto loss = F::cross_entropy(logits.view({-1, 5}), tags.view(-1));
  auto loss2 = F::cross_entropy(logits.reshape({28, 5}), tags.flatten());
}

void validSegmentation() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).padding(1));
  auto loss = F::cross_entropy(head(torch::randn({2, 8, 16, 16})),
                               torch::randint(0, 4, {2, 16, 16}));
}

void singleSampleWithAScalarTarget() {
  torch::nn::Linear fc(5, 3);
  auto loss = F::cross_entropy(fc(torch::randn({5})), torch::tensor(2));
}

// The labels are cut to the batch.
void labelsSlicedToTheBatch() {
  torch::nn::Linear fc(8, 4);
  auto inputs = torch::randn({256, 8});
  auto labels = torch::randint(0, 4, {256});
  for (int64_t s = 0; s < 256; s += 64) {
    auto loss = F::cross_entropy(fc(inputs.slice(0, s, s + 64)),
                                 labels.slice(0, s, s + 64));
  }
}

void batchSizesFromOutside(int64_t n, int64_t m) {
  torch::nn::Linear fc(10, 3);
  auto loss = F::cross_entropy(fc(torch::randn({n, 10})), torch::randint(0, 3, {m}));
}

void batchSizeDiffersOnOneBranch(bool lastBatch) {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  if (lastBatch)
    y = torch::randint(0, 3, {16});
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
}

// An unsqueeze that breaks the contract is torch-stray-unsqueeze's finding.
void strayUnsqueezeOnTheTarget() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32}).unsqueeze(1);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
}

void strayUnsqueezeOnTheInput() {
  torch::nn::Linear fc(10, 3);
  auto out = fc(torch::randn({32, 10})).unsqueeze(1);
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
  auto loss2 = F::cross_entropy(fc(torch::randn({32, 10})).unsqueeze(0),
                                torch::randint(0, 3, {32}));
}

void strayUnsqueezeOnASegmentationMask() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).padding(1));
  auto mask = torch::randint(0, 4, {2, 16, 16}).unsqueeze(1);
  auto loss = F::cross_entropy(head(torch::randn({2, 8, 16, 16})), mask);
}

// A float class-index target is torch-float-class-target's finding.
void floatClassIndices() {
  torch::nn::Linear fc(10, 3);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), torch::rand({32}));
}

//===--- The confirmation note: shapes too large to sample ---------------===//

// A billion rows are never allocated: the sample maps the sizes above 16 to
// 17, 18, ... in their order (1000000 -> 17, 999999999 -> 18,
// 1000000000 -> 19), so that the batch sizes still differ.
void batchesTooLargeToSample() {
  auto logits = torch::randn({1000000000, 1000000});
  auto labels = torch::randint(0, 1000000, {999999999});
  auto loss = F::cross_entropy(logits, labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [1000000000, 1000000] and int64 target of shape [999999999]: the batch sizes differ; LibTorch raises "Expected input batch_size (1000000000) to match target batch_size (999999999)." [torch-cross-entropy-shape-mismatch]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [19, 17] / [18] (clamped from [1000000000, 1000000] / [999999999]): CrossEntropyLoss raises "Expected input batch_size (19) to match target batch_size (18)."
}

// The logits (131M) are too many to sample but the target is not: LibTorch's
// checks never read the logits, so they are passed as a shape with their
// real sizes.
void logitsTooLargeToSample() {
  auto logits = torch::randn({8, 32000, 512});
  auto labels = torch::randint(0, 32000, {8, 256});
  auto loss = F::cross_entropy(logits, labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [8, 32000, 512] and int64 target of shape [8, 256]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [8, 32000, 512] (shape only) / [8, 256]: CrossEntropyLoss raises
}

// at::binary_cross_entropy_with_logits broadcasts [N, 1] against [N]: wrong
// numbers, but no error, and not this check's claim.
void bceThroughAtenBroadcasts() {
  torch::nn::Linear head(8, 1);
  auto labels = torch::randint(0, 2, {16}).to(torch::kFloat);
  auto loss =
      torch::binary_cross_entropy_with_logits(head(torch::randn({16, 8})), labels);
}

// The target made [N, 1], or the input made [N]: the sizes agree.
void bceShapesThatAgree() {
  torch::nn::Linear head(8, 1);
  auto labels = torch::randint(0, 2, {16}).to(torch::kFloat);
  auto a = F::binary_cross_entropy_with_logits(head(torch::randn({16, 8})),
                                               labels.unsqueeze(1));
  auto b = F::binary_cross_entropy_with_logits(
      head(torch::randn({16, 8})).squeeze(1), labels);
}

// Multi-label targets of unknown shape.
void bceUnknownTarget(const torch::Tensor &x, const torch::Tensor &y) {
  torch::nn::Linear head(8, 4);
  auto loss = F::binary_cross_entropy_with_logits(head(x), y);
}

// Rows picked with a tensor of int64 indices: the index's sizes take the
// place of the dimension it indexes.
void rowsPickedByAnIndexTensor() {
  torch::nn::Linear fc(4, 3);
  auto x = torch::randn({10, 4});
  auto y = torch::tensor({0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
  auto picked = torch::tensor({0, 2, 4, 6});
  auto loss = F::cross_entropy(fc(x.index({picked})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [4, 3] and int64 target of shape [10]: {{.*}}LibTorch raises "Expected input batch_size (4) to match target batch_size (10)." [torch-cross-entropy-shape-mismatch]
}

// The same rows of both, or rows picked with a mask (as many as it selects):
// no finding.
void rowsPickedAlike() {
  torch::nn::Linear fc(4, 3);
  auto x = torch::randn({10, 4});
  auto y = torch::tensor({0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
  auto picked = torch::tensor({0, 2, 4, 6});
  auto a = F::cross_entropy(fc(x.index({picked})), y.index({picked}));
  auto b = F::cross_entropy(fc(x.index({y == 1})), y.index({y == 1}));
  auto c = F::cross_entropy(fc(x.index({torch::indexing::Slice(), torch::tensor({0, 1, 2, 3})})), y);
}
