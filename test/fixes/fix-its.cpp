// The fix-its of the torch- checks, applied by torchlint --fix and by
// clang-tidy --fix with the plugin: the fixed file compiles against the real
// LibTorch headers, no longer produces a finding, and a second run changes
// nothing. Every finding is confirmed on sample data.
//
// RUN: sed -e '/CHECK-/d' %s > %t.cpp
// RUN: not %torchlint --fix %t.cpp -- %torch_flags > %t.log 2>&1
// RUN: %python %S/../confirmation_notes.py < %t.log
// RUN: FileCheck --input-file=%t.cpp %s --check-prefix=CHECK-FIXES
// RUN: %clang -fsyntax-only %torch_flags %t.cpp
// RUN: not %torchlint %t.cpp -- %torch_flags 2>&1 | FileCheck %s --check-prefix=CHECK-REMAINING --implicit-check-not=warning:
// RUN: cp %t.cpp %t.first.cpp
// RUN: not %torchlint --fix %t.cpp -- %torch_flags
// RUN: cmp %t.cpp %t.first.cpp
//
// RUN: sed -e '/CHECK-/d' %s > %t-plugin.cpp
// RUN: %clang_tidy --load %plugin --checks='-*,torch-*' --fix %t-plugin.cpp -- %torch_flags > %t-plugin.log 2>&1
// RUN: FileCheck --input-file=%t-plugin.cpp %s --check-prefix=CHECK-FIXES

#include <torch/torch.h>

namespace F = torch::nn::functional;

// torch-softmax-before-cross-entropy: the softmax call is dropped.
void softmaxCall() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({8, 10});
  auto probs = torch::softmax(fc(x), 1);
  // CHECK-FIXES: {{^}}  auto probs = fc(x);{{$}}
  auto loss = F::cross_entropy(probs, torch::randint(0, 3, {8}));
}

// ... and the trailing Softmax module of a Sequential.
void softmaxInSequential() {
  torch::nn::Sequential model(torch::nn::Linear(10, 3), torch::nn::Softmax(1));
  // CHECK-FIXES: {{^}}  torch::nn::Sequential model(torch::nn::Linear(10, 3));{{$}}
  auto loss = F::cross_entropy(model->forward(torch::randn({8, 10})),
                               torch::randint(0, 3, {8}));
}

// ... or the push_back that adds it, with its line.
void softmaxPushedBack() {
  torch::nn::Sequential model;
  model->push_back(torch::nn::Linear(10, 3));
  // CHECK-FIXES: {{^}}  model->push_back(torch::nn::Linear(10, 3));{{$}}
  model->push_back(torch::nn::Softmax(1));
  // CHECK-FIXES-NEXT: {{^}}  auto loss = F::cross_entropy(model->forward(torch::randn({8, 10})),{{$}}
  auto loss = F::cross_entropy(model->forward(torch::randn({8, 10})),
                               torch::randint(0, 3, {8}));
}

// No edit when the softmax output is also read elsewhere: dropping it would
// change the accuracy computed from it.
void softmaxAlsoForAccuracy() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {8});
  auto probs = torch::softmax(fc(torch::randn({8, 10})), 1);
  // CHECK-FIXES: {{^}}  auto probs = torch::softmax(fc(torch::randn({8, 10})), 1);{{$}}
  auto loss = F::cross_entropy(probs, y);
  // CHECK-REMAINING: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-REMAINING-NEXT: auto loss = F::cross_entropy(probs, y);
  auto accuracy = (probs.argmax(1) == y).to(torch::kFloat).mean();
}

// torch-softmax-before-nll-loss: softmax becomes log_softmax.
void softmaxIntoNll() {
  torch::nn::Linear fc(10, 3);
  auto loss = F::nll_loss(fc(torch::randn({8, 10})).softmax(1),
  // CHECK-FIXES: {{^}}  auto loss = F::nll_loss(fc(torch::randn({8, 10})).log_softmax(1),{{$}}
                          torch::randint(0, 3, {8}));
}

void torchSoftmaxIntoNll() {
  torch::nn::Linear fc(10, 3);
  auto p = torch::softmax(fc(torch::randn({8, 10})), /*dim=*/1);
  // CHECK-FIXES: {{^}}  auto p = torch::log_softmax(fc(torch::randn({8, 10})), /*dim=*/1);{{$}}
  auto loss = F::nll_loss(p, torch::randint(0, 3, {8}));
}

// torch-sigmoid-before-bce-with-logits: the sigmoid is dropped.
void sigmoidIntoBce() {
  torch::nn::Linear fc(10, 1);
  auto loss = F::binary_cross_entropy_with_logits(
      torch::sigmoid(fc(torch::randn({8, 10}))), torch::rand({8, 1}));
  // CHECK-FIXES: {{^}}      fc(torch::randn({8, 10})), torch::rand({8, 1}));{{$}}
}

// torch-stray-unsqueeze: the unsqueeze is dropped ...
void strayTargetUnsqueeze() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {8}).unsqueeze(1);
  // CHECK-FIXES: {{^}}  auto y = torch::randint(0, 3, {8});{{$}}
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), y);
}

// ... or moved where the contract wants the dimension.
void misplacedUnsqueeze() {
  auto logits = torch::randn({2, 5});
  auto loss = F::cross_entropy(torch::unsqueeze(logits, 2),
  // CHECK-FIXES: {{^}}  auto loss = F::cross_entropy(torch::unsqueeze(logits, 0),{{$}}
                               torch::randint(0, 2, {1, 5}));
}

// torch-float-class-target: the target is converted to int64.
void floatTarget() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {8}).to(torch::kFloat);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), y);
  // CHECK-FIXES: {{^}}  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), y.to(torch::kLong));{{$}}
}

void floatTargetExpression() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::zeros({8});
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), y + 1);
  // CHECK-FIXES: {{^}}  auto loss = F::cross_entropy(fc(torch::randn({8, 10})), (y + 1).to(torch::kLong));{{$}}
}
