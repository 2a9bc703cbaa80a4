// RUN: %check_torchlint %s torch-float-class-target %t -- %torch_flags
// RUN: %check_torchlint --plugin %plugin --clang-tidy %clang_tidy %s torch-float-class-target %t-plugin -- %torch_flags

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace F = torch::nn::functional;

//===--- Positive: class-index targets of a dtype LibTorch rejects --------===//

void randnTarget() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto y = torch::randn({32});
  auto loss = criterion(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [32] for input [32, 3]) but has dtype float; LibTorch raises "expected scalar type Long but found Float"; convert it with .to(torch::kLong) [torch-float-class-target]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [32, 3] / [32] float: CrossEntropyLoss raises "expected scalar type Long but found Float"
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: torch::randn creates a float tensor
}

void convertedToFloat() {
  torch::nn::Sequential model(torch::nn::Linear(10, 5), torch::nn::ReLU(),
                              torch::nn::Linear(5, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto targets = torch::randint(0, 3, {32}).to(torch::kFloat);
  auto loss = criterion(model->forward(torch::randn({32, 10})), targets);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [32] for input [32, 3]) but has dtype float
  // CHECK-MESSAGES: :[[@LINE-3]]:45: note: .to() converts it to float here
}

void factoriesDefaultToFloat() {
  torch::nn::Linear fc(4, 2);
  auto x = torch::randn({8, 4});
  auto a = F::cross_entropy(fc(x), torch::rand({8}));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype float
  auto b = F::cross_entropy(fc(x), torch::zeros({8}));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype float
  auto c = F::cross_entropy(fc(x), torch::ones({8}));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype float
  auto d = F::cross_entropy(fc(x), torch::empty({8}));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype float
  auto e = F::cross_entropy(fc(x), torch::full({8}, 1.0));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype float
}

// torch::scalar_tensor is float whatever the type of its value: one label
// per example, stacked into a batch.
void scalarTensorLabelsStacked() {
  torch::nn::Linear fc(4, 3);
  std::vector<torch::Tensor> labels;
  for (int64_t label : {0, 2, 1})
    labels.push_back(torch::scalar_tensor(label));
  auto loss = F::nll_loss(torch::log_softmax(fc(torch::randn({3, 4})), 1),
                          torch::stack(labels));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: target of NLLLoss holds class indices (shape [3] for input [3, 3]) but has dtype float
}

void floatingLiterals() {
  torch::nn::Linear fc(4, 3);
  auto y = torch::tensor({0.0, 2.0, 1.0});
  auto loss = F::cross_entropy(fc(torch::randn({3, 4})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [3] for input [3, 3]) but has dtype float
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: torch::tensor of floating-point values creates a float tensor
}

void vectorOfDoubles() {
  torch::nn::Linear fc(4, 3);
  std::vector<double> labels = {0, 2, 1, 1};
  auto loss = F::cross_entropy(fc(torch::randn({4, 4})), torch::tensor(labels));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [?] for input [4, 3]) but has dtype float
}

void randintWithOptionsWithoutDtype() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {16}, torch::TensorOptions().requires_grad(false));
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [16] for input [16, 3]) but has dtype float
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: torch::randint with options that set no dtype creates a float tensor
}

void explicitFloatDtypes() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({16, 10});
  auto a = F::cross_entropy(fc(x), torch::randint(0, 3, {16}, torch::kFloat));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype float
  auto opts = torch::TensorOptions().dtype(torch::kFloat32);
  auto b = F::cross_entropy(fc(x), torch::randint(0, 3, {16}, opts));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype float
  auto c = F::cross_entropy(fc(x), torch::zeros({16}, torch::dtype(torch::kDouble)));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype double; LibTorch raises "expected scalar type Long but found Double"
}

void narrowIntegerTypes() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({16, 10});
  auto y = torch::randint(0, 3, {16});
  auto a = F::cross_entropy(fc(x), y.to(torch::kInt));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype int32; LibTorch raises "expected scalar type Long but found Int"
  auto b = F::cross_entropy(fc(x), y.to(torch::kInt16));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype int16; LibTorch raises "expected scalar type Long but found Short"
  auto c = F::cross_entropy(fc(x), y.toType(torch::kChar));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype int8; LibTorch raises "expected scalar type Long but found Char"
  auto d = F::cross_entropy(fc(x), y.to(torch::kBool));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: {{.*}} has dtype bool; LibTorch raises "expected scalar type Long but found Bool"
}

void byteTargetOnTheKDimensionalPath() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).padding(1));
  auto mask = torch::randint(0, 4, {2, 16, 16}, torch::kByte);
  auto loss = F::cross_entropy(head(torch::randn({2, 8, 16, 16})), mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [2, 16, 16] for input [2, 4, 16, 16]) but has dtype uint8; LibTorch raises "expected scalar type Long but found Byte"
}

void trueDivisionMakesFloat() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 6, {8}) / 2;
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: {{.*}} has dtype float
  // CHECK-MESSAGES: :[[@LINE-3]]:38: note: true division of an integer tensor yields float
}

torch::Tensor loadLabels(int64_t n) {
  return torch::randint(0, 10, {n}).to(torch::kFloat);
}

void labelsFromHelperInLoop() {
  torch::nn::Sequential model(torch::nn::Linear(20, 10));
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 5; ++epoch) {
    auto labels = loadLabels(64);
    auto loss = criterion(model->forward(torch::randn({64, 20})), labels);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: target of CrossEntropyLoss holds class indices (shape [64] for input [64, 10]) but has dtype float
  }
}

void nllLossTarget() {
  torch::nn::Linear fc(10, 3);
  auto logp = torch::log_softmax(fc(torch::randn({4, 10})), 1);
  auto loss = F::nll_loss(logp, torch::ones({4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of NLLLoss holds class indices (shape [4] for input [4, 3]) but has dtype float
}

void comparisonOfProjections() {
  torch::nn::Linear enc(4, 8), out(16, 2);
  auto w = torch::randn({4});
  auto a = torch::randn({32, 4}), b = torch::randn({32, 4});
  auto preferB = a.matmul(w) < b.matmul(w);
  auto logits = out(torch::cat({torch::relu(enc(a)), torch::relu(enc(b))}, 1));
  auto loss = F::cross_entropy(logits, preferB);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [32] for input [32, 2]) but has dtype bool
  // CHECK-MESSAGES: :[[@LINE-4]]:30: note: a comparison yields a bool tensor
}

std::pair<torch::Tensor, torch::Tensor> blockDataset(int64_t classes,
                                                     int64_t perClass) {
  auto idx = torch::arange(classes * perClass);
  auto inputs = torch::randn({classes, 3}).repeat_interleave(perClass, 0);
  return {inputs, idx / perClass};
}

void structuredBindingsAndBatches() {
  torch::nn::Sequential net(torch::nn::Linear(3, 4));
  auto [inputs, labels] = blockDataset(4, 12);
  auto order = torch::randperm(48);
  for (int64_t s = 0; s < 48; s += 16) {
    auto idx = order.slice(0, s, s + 16);
    auto loss = F::cross_entropy(net->forward(inputs.index_select(0, idx)),
                                 labels.index_select(0, idx));
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: target of CrossEntropyLoss holds class indices (shape [?] for input [?, 4]) but has dtype float
  }
}

void floatTargetsOnBothBranches(int64_t classes) {
  torch::nn::Linear fc(8, 2);
  torch::Tensor labels;
  if (classes == 2)
    labels = torch::bernoulli(torch::full({16}, 0.5));
  else
    labels = torch::empty({16}).random_(0, classes);
  auto loss = F::cross_entropy(fc(torch::randn({16, 8})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [16] for input [16, 2]) but has dtype float
}

//===--- Negative: valid targets and unknown dtypes -----------------------===//

void validIndexTargets() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({16, 10});
  auto a = F::cross_entropy(fc(x), torch::randint(0, 3, {16}));
  auto b = F::cross_entropy(fc(x), torch::randint(3, {16}, torch::TensorOptions().dtype(torch::kLong)));
  auto c = F::cross_entropy(fc(x), torch::randn({16}).to(torch::kLong));
  auto d = F::cross_entropy(fc(torch::randn({3, 10})), torch::tensor({0, 1, 2}));
  auto e = F::cross_entropy(fc(x), torch::full({16}, 2));
  auto f = F::cross_entropy(fc(x), torch::zeros({16}, torch::kLong));
  auto g = F::cross_entropy(fc(x), torch::arange(16) % 3);
  auto h = F::cross_entropy(fc(x), torch::div(torch::randint(0, 6, {16}), 2, "floor"));
  auto i = F::cross_entropy(fc(x), fc(x).argmax(1));
}

// In place, arithmetic with an integer keeps the target's int64.
void inPlaceArithmeticKeepsInt64() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(1, 4, {16});
  y.sub_(1);
  auto a = F::cross_entropy(fc(torch::randn({16, 10})), y);
  auto z = torch::randint(0, 3, {16});
  z.mul_(1);
  auto b = F::cross_entropy(fc(torch::randn({16, 10})), z);
  auto w = torch::randint(0, 3, {16});
  w.remainder_(3);
  auto c = F::cross_entropy(fc(torch::randn({16, 10})), w);
}

void byteTargetOnTwoDimensionalInputIsAccepted() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {16}, torch::kByte);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), y);
}

void floatProbabilityTargets() {
  torch::nn::Linear fc(10, 3);
  auto probs = torch::softmax(torch::randn({16, 3}), 1);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), probs);
  auto onehot = torch::zeros({16, 3});
  auto loss2 = F::cross_entropy(fc(torch::randn({16, 10})), onehot);
}

void convertedOnOneBranch(bool fromFile) {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randn({16});
  if (fromFile)
    y = y.to(torch::kLong);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), y);
}

// Negative: scalar_tensor with an int64 dtype.
void scalarTensorWithALongDtype() {
  torch::nn::Linear fc(4, 3);
  std::vector<torch::Tensor> labels;
  for (int64_t label : {0, 2, 1})
    labels.push_back(torch::scalar_tensor(label, torch::kLong));
  auto loss = F::nll_loss(torch::log_softmax(fc(torch::randn({3, 4})), 1),
                          torch::stack(labels));
}

void unknownTargets(const torch::Tensor &y, torch::nn::Linear &fc) {
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), y);
  auto loss2 = F::cross_entropy(fc(torch::randn({16, 10})), y.to(y.dtype()));
}

void unknownInputShape(const torch::Tensor &logits) {
  auto loss = F::cross_entropy(logits, torch::rand({16}));
}

void batchMismatchIsAnotherError() {
  torch::nn::Linear fc(10, 3);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), torch::rand({8}));
}

void suppressedWithNolint() {
  torch::nn::Linear fc(10, 3);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), torch::rand({16})); // NOLINT(torch-float-class-target)
}

struct Labels {
  torch::Tensor values;
};

void labelsConvertedThroughAField() {
  torch::nn::Linear fc(10, 3);
  Labels l{torch::rand({16})};
  l.values = (l.values * 3).to(torch::kLong);
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), l.values);
}

// t.options() carries t's dtype: labels converted to a float signal's
// options become float.
void labelsConvertedToASignalsOptions() {
  torch::nn::Linear fc(4, 3);
  auto signal = torch::randn({8, 4});
  auto labels = torch::tensor({0, 1, 2, 0, 1, 2, 0, 1});
  auto loss = F::cross_entropy(fc(signal), labels.to(signal.options()));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [8] for input [8, 3]) but has dtype float; LibTorch raises "expected scalar type Long but found Float"; convert it with .to(torch::kLong) [torch-float-class-target]
}

// Converted to the options of an int64 tensor, or created with them, they
// stay int64.
void labelsWithInt64Options() {
  torch::nn::Linear fc(4, 3);
  auto signal = torch::randn({8, 4});
  auto labels = torch::tensor({0, 1, 2, 0, 1, 2, 0, 1});
  auto ids = torch::zeros({8}, labels.options());
  auto a = F::cross_entropy(fc(signal), labels.to(ids.options()));
  auto b = F::cross_entropy(fc(signal), ids);
}
