// XFAIL: *
// RUN: %check_torchlint %s 'torch-*' %t -- %torch_flags

// Cases where torchlint disagrees with what LibTorch 1.13 does. Every
// expectation below was confirmed by compiling the function against LibTorch
// and running it; the tool misses the bug (positives) or reports one that is
// not there (negatives). Move a case to its check's test file once the tool
// gets it right; remove the XFAIL line when the file passes.

#include <torch/torch.h>

namespace F = torch::nn::functional;

//===--- Missed: LibTorch raises, the tool is silent ----------------------===//

// clamp(0, 3) maps 7 of the 10 drawn values to 3, which is not a class.
void clampedToAnOffByOneBound() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 10, {32}).clamp(0, 3);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {{.*}} but the input [32, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
}

// The labels are shifted at the end of every epoch: the second epoch raises.
void shiftCarriedAcrossEpochs() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  for (int epoch = 0; epoch < 3; ++epoch) {
    auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: target of CrossEntropyLoss has values {{.*}} but the input [32, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises {{.*}} [torch-target-out-of-range]
    y = y + 1;
  }
}

// Every case of the switch draws 16 labels for a batch of 32.
void bothSwitchCasesDrawTooFewLabels(int source) {
  torch::nn::Linear fc(10, 3);
  torch::Tensor y;
  switch (source) {
  case 0:
    y = torch::randint(0, 3, {16});
    break;
  default:
    y = torch::zeros({16}, torch::kLong);
    break;
  }
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [32, 3] and int64 target of shape [16]: the batch sizes differ; LibTorch raises "Expected input batch_size (32) to match target batch_size (16)." [torch-cross-entropy-shape-mismatch]
}

// An int64 one-hot target built with scatter_ instead of one_hot.
void scatteredOneHotTarget() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {16});
  auto onehot = torch::zeros({16, 3}, torch::kLong).scatter_(1, y.unsqueeze(1), 1);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), onehot);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [16, 3] and int64 target of shape [16, 3]: a target of the input's shape is read as class probabilities, which must be floating point; LibTorch raises "Expected floating point type for target with class probabilities, got Long" [torch-cross-entropy-shape-mismatch]
}

// A helper that fills an output parameter.
void drawLabelsInto(torch::Tensor &out) { out = torch::randint(0, 3, {16}); }

void labelsFromAnOutParameter() {
  torch::nn::Linear fc(10, 3);
  torch::Tensor y;
  drawLabelsInto(y);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [32, 3] and int64 target of shape [16]: the batch sizes differ; LibTorch raises "Expected input batch_size (32) to match target batch_size (16)." [torch-cross-entropy-shape-mismatch]
}

// Labels scaled by 2: {0, 2, 4} for 3 classes. (Multiplication is not among
// the forms issue 3 lists; LibTorch raises all the same.)
void labelsScaledByTwo() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32}) * 2;
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {{.*}} but the input [32, 3] has C = 3 classes: 4 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds." [torch-target-out-of-range]
}
