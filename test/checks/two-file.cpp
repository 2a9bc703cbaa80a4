// RUN: %check_torchlint %s 'torch-*' %t -- %torch_flags

// The models live in a project header (Inputs/two_file_model.h); the
// training loops, and the bugs, are here.

#include "two_file_model.h"

namespace F = torch::nn::functional;

//===--- Positive: bugs that need the header's facts ----------------------===//

// Labels of a 10-class dataset for a model built with 5 classes.
void trainWithTooManyLabels() {
  TwoFileNet net(20, 5);
  torch::optim::Adam opt(net->parameters());
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    auto loss = criterion(net(torch::randn({64, 20})), torch::randint(0, 10, {64}));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: target of CrossEntropyLoss has values in [0, 9] but the input [64, 5] has C = 5 classes: 5, 6, 7, 8 and 9 are outside [0, 4] and not ignore_index -100; LibTorch raises "Target <value> is out of bounds." at the first of them [torch-target-out-of-range]
    // CHECK-MESSAGES: two_file_model.h:14:39: note: this Linear outputs 5 features
    loss.backward();
    opt.step();
  }
}

// predict() is a softmax: the loss gets probabilities.
void trainOnPredictions() {
  TwoFileNet net(20, 4);
  torch::nn::CrossEntropyLoss criterion;
  auto loss = criterion(net->predict(torch::randn({16, 20})), torch::randint(0, 4, {16}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax; CrossEntropyLoss applies log_softmax itself, so the loss cannot reach 0 and its gradients shrink; pass the raw logits [torch-softmax-before-cross-entropy]
  // CHECK-MESSAGES: two_file_model.h:18:12: note: softmax applied here
}

void nllLossOnPredictions() {
  TwoFileNet net(20, 4);
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (int batch = 0; batch < 5; ++batch) {
      auto loss = F::nll_loss(net->predict(torch::randn({16, 20})),
                              torch::randint(0, 4, {16}));
      // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: input of NLLLoss [16, 4] is a softmax, not a log_softmax; NLLLoss expects log-probabilities, so it minimizes -p instead of -log(p) and its gradients vanish as p shrinks; use log_softmax [torch-softmax-before-nll-loss]
    }
  }
}

// The tagger head already applies a sigmoid.
void trainTaggerWithLogitsLoss() {
  TaggerHead head(32, 6);
  torch::nn::BCEWithLogitsLoss criterion;
  auto targets = torch::randint(0, 2, {8, 6}).to(torch::kFloat);
  auto loss = criterion(head(torch::randn({8, 32})), targets);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of BCEWithLogitsLoss [8, 6] is already a sigmoid; BCEWithLogitsLoss applies the sigmoid itself, so its predictions are confined to (0.5, 0.73) and the loss cannot approach 0; pass the raw logits [torch-sigmoid-before-bce-with-logits]
  // CHECK-MESSAGES: two_file_model.h:28:58: note: sigmoid applied here
}

// The batch of labels is cut to half the batch of inputs.
void trainWithHalfTheLabels() {
  TwoFileNet net(20, 5);
  auto labels = torch::randint(0, 5, {64});
  auto loss = F::cross_entropy(net(torch::randn({64, 20})), labels.slice(0, 0, 32));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [64, 5] and int64 target of shape [32]: the batch sizes differ; LibTorch raises "Expected input batch_size (64) to match target batch_size (32)." [torch-cross-entropy-shape-mismatch]
}

//===--- Negative: the same models used as intended -----------------------===//

void trainWithMatchingLabels() {
  TwoFileNet net(20, 10);
  torch::optim::Adam opt(net->parameters());
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    auto x = torch::randn({64, 20});
    auto y = torch::randint(0, 10, {64});
    auto loss = criterion(net(x), y);
    auto accuracy = (net->predict(x).argmax(1) == y).to(torch::kFloat).mean();
    loss.backward();
    opt.step();
  }
}

void nllLossOnLogOfPredictions() {
  TwoFileNet net(20, 4);
  auto loss = F::nll_loss(torch::log(net->predict(torch::randn({16, 20}))),
                          torch::randint(0, 4, {16}));
}

// The tagger's probabilities go to BCELoss, which expects them.
void trainTaggerWithBceLoss() {
  TaggerHead head(32, 6);
  torch::nn::BCELoss criterion;
  auto targets = torch::randint(0, 2, {8, 6}).to(torch::kFloat);
  auto loss = criterion(head(torch::randn({8, 32})), targets);
}
