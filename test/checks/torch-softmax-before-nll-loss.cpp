// RUN: %check_torchlint %s torch-softmax-before-nll-loss %t -- %torch_flags
// RUN: %check_torchlint --plugin %plugin --clang-tidy %clang_tidy %s torch-softmax-before-nll-loss %t-plugin -- %torch_flags

#include <torch/torch.h>

namespace F = torch::nn::functional;

//===--- Positive: probabilities where NLLLoss expects log-probabilities --===//

torch::Tensor torchSoftmax() {
  torch::nn::Linear fc(10, 3);
  torch::nn::NLLLoss nll;
  auto x = torch::randn({32, 10});
  auto y = torch::randint(0, 3, {32});
  auto loss = nll(torch::softmax(fc(x), 1), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss [32, 3] is a softmax, not a log_softmax; NLLLoss expects log-probabilities, so it minimizes -p instead of -log(p) and its gradients vanish as p shrinks; use log_softmax [torch-softmax-before-nll-loss]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [32, 3] / [32]: the gradients on the logits are 4.0x smaller than with log_softmax, and 36x smaller on the row whose target is least likely (p = 0.028)
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: softmax applied here
  return loss;
}

torch::Tensor softmaxMethod() {
  torch::nn::Linear fc(10, 3);
  auto probs = fc(torch::randn({32, 10})).softmax(1);
  auto loss = F::nll_loss(probs, torch::randint(0, 3, {32}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss [32, 3] is a softmax, not a log_softmax
  // CHECK-MESSAGES: :[[@LINE-3]]:43: note: softmax applied here
  return loss;
}

torch::Tensor functionalSoftmax() {
  torch::nn::Linear fc(10, 4);
  auto p = F::softmax(fc(torch::randn({8, 10})), F::SoftmaxFuncOptions(1));
  auto loss = F::nll_loss(p, torch::randint(0, 4, {8}),
                          F::NLLLossFuncOptions().reduction(torch::kSum));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of NLLLoss [8, 4] is a softmax, not a log_softmax
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: softmax applied here
  return loss;
}

torch::Tensor softmaxModule() {
  torch::nn::Linear fc(10, 3);
  torch::nn::Softmax softmax(torch::nn::SoftmaxOptions(1));
  torch::nn::NLLLoss nll;
  auto loss = nll->forward(softmax(fc(torch::randn({4, 10}))),
                           torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of NLLLoss [4, 3] is a softmax, not a log_softmax
  // CHECK-MESSAGES: :[[@LINE-5]]:22: note: softmax applied by this torch::nn::Softmax module
  return loss;
}

torch::Tensor sequentialEndingInSoftmax() {
  torch::nn::Sequential model(torch::nn::Linear(10, 8), torch::nn::ReLU(),
                              torch::nn::Linear(8, 3), torch::nn::Softmax(1));
  torch::nn::NLLLoss nll;
  auto loss = nll(model->forward(torch::randn({16, 10})), torch::randint(0, 3, {16}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss [16, 3] is a softmax, not a log_softmax
  // CHECK-MESSAGES: :[[@LINE-4]]:56: note: softmax applied by this torch::nn::Softmax module
  return loss;
}

struct ProbNetImpl : torch::nn::Module {
  ProbNetImpl() { fc = register_module("fc", torch::nn::Linear(20, 5)); }
  torch::Tensor forward(torch::Tensor x) { return torch::softmax(fc(x), -1); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(ProbNet);

// A model whose forward ends in softmax, trained with NLLLoss.
void modelEndingInSoftmaxTrained() {
  ProbNet net;
  torch::optim::SGD opt(net->parameters(), 0.01);
  torch::nn::NLLLoss nll;
  for (int epoch = 0; epoch < 2; ++epoch) {
    opt.zero_grad();
    auto loss = nll(net(torch::randn({8, 20})), torch::randint(0, 5, {8}));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: input of NLLLoss [8, 5] is a softmax, not a log_softmax
    // CHECK-MESSAGES: :[[@LINE-14]]:51: note: softmax applied here
    loss.backward();
    opt.step();
  }
}

torch::Tensor expOfLogSoftmax() {
  torch::nn::Linear fc(10, 3);
  auto p = torch::log_softmax(fc(torch::randn({4, 10})), 1).exp();
  auto loss = torch::nll_loss(p, torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss [4, 3] is a softmax, not a log_softmax
  // CHECK-MESSAGES: :[[@LINE-3]]:61: note: exp of a log_softmax is a softmax
  return loss;
}

// Softmax over the class dimension of a segmentation map.
torch::Tensor segmentationSoftmax() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 1));
  auto probs = torch::softmax(head(torch::randn({2, 8, 5, 5})), 1);
  auto loss = F::nll_loss(probs, torch::randint(0, 4, {2, 5, 5}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss [2, 4, 5, 5] is a softmax, not a log_softmax
  return loss;
}

torch::Tensor softmaxOnBothBranches(bool eval) {
  torch::nn::Linear fc(10, 3);
  torch::Tensor p;
  if (eval)
    p = torch::softmax(fc(torch::randn({4, 10})), 1);
  else
    p = F::softmax(fc(torch::randn({4, 10})), F::SoftmaxFuncOptions(1));
  auto loss = F::nll_loss(p, torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss [4, 3] is a softmax, not a log_softmax
  return loss;
}

// A Sequential subclass with its own forward(), built by the inherited
// constructor and nested in another Sequential.
struct StageImpl : torch::nn::SequentialImpl {
  using torch::nn::SequentialImpl::SequentialImpl;
  torch::Tensor forward(torch::Tensor x) {
    return torch::nn::SequentialImpl::forward(x);
  }
};
TORCH_MODULE(Stage);

torch::Tensor sequentialSubclassNestedInSequential() {
  Stage features(torch::nn::Linear(10, 8), torch::nn::ReLU());
  Stage classifier(torch::nn::Linear(8, 3), torch::nn::Softmax(1));
  torch::nn::Sequential net;
  net->push_back("features", features);
  net->push_back("classifier", classifier);
  auto loss = F::nll_loss(net->forward(torch::randn({16, 10})),
                          torch::randint(0, 3, {16}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of NLLLoss [16, 3] is a softmax, not a log_softmax
  // CHECK-MESSAGES: :[[@LINE-7]]:45: note: softmax applied by this torch::nn::Softmax module
  return loss;
}

//===--- Negative: log-probabilities, or softmax that does not reach it ---===//

torch::Tensor logSoftmaxForms() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({4, 10});
  auto y = torch::randint(0, 3, {4});
  auto a = F::nll_loss(torch::log_softmax(fc(x), 1), y);
  auto b = F::nll_loss(fc(x).log_softmax(1), y);
  auto c = F::nll_loss(F::log_softmax(fc(x), F::LogSoftmaxFuncOptions(1)), y);
  torch::nn::Sequential seq(torch::nn::Linear(10, 3), torch::nn::LogSoftmax(1));
  auto d = F::nll_loss(seq->forward(x), y);
  return a + b + c + d;
}

// log(softmax(x)) is a log_softmax (less stable, but what NLLLoss expects).
torch::Tensor logOfSoftmax() {
  torch::nn::Linear fc(10, 3);
  auto p = torch::softmax(fc(torch::randn({4, 10})), 1);
  auto loss = F::nll_loss(torch::log(p), torch::randint(0, 3, {4}));
  auto loss2 = F::nll_loss(p.log(), torch::randint(0, 3, {4}));
  return loss + loss2;
}

// The softmax is only used to report accuracy.
torch::Tensor softmaxForMetricsOnly() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto logp = torch::log_softmax(fc(torch::randn({32, 10})), 1);
  auto loss = F::nll_loss(logp, y);
  auto probs = torch::softmax(logp, 1);
  auto accuracy = (probs.argmax(1) == y).to(torch::kFloat).mean();
  return loss + accuracy;
}

torch::Tensor softmaxOnOneBranchOnly(bool calibrated) {
  torch::nn::Linear fc(10, 3);
  auto out = torch::log_softmax(fc(torch::randn({4, 10})), 1);
  if (calibrated)
    out = torch::softmax(fc(torch::randn({4, 10})), 1);
  return F::nll_loss(out, torch::randint(0, 3, {4}));
}

torch::Tensor softmaxThenAnotherLayer() {
  torch::nn::Linear fc(10, 3), fc2(3, 3);
  auto p = torch::softmax(fc(torch::randn({4, 10})), 1);
  return F::nll_loss(torch::log_softmax(fc2(p), 1), torch::randint(0, 3, {4}));
}

// Softmax into CrossEntropyLoss is torch-softmax-before-cross-entropy's.
torch::Tensor softmaxIntoCrossEntropy() {
  torch::nn::Linear fc(10, 3);
  auto p = torch::softmax(fc(torch::randn({4, 10})), 1);
  return F::cross_entropy(p, torch::randint(0, 3, {4}));
}

torch::Tensor unknownInput(const torch::Tensor &scores) {
  return F::nll_loss(scores, torch::randint(0, 3, {4}));
}

// The subclass's forward takes the log of the base's softmax.
struct LogStageImpl : torch::nn::SequentialImpl {
  using torch::nn::SequentialImpl::SequentialImpl;
  torch::Tensor forward(torch::Tensor x) {
    return torch::log(torch::nn::SequentialImpl::forward(x));
  }
};
TORCH_MODULE(LogStage);

torch::Tensor sequentialSubclassTakingTheLog() {
  LogStage classifier(torch::nn::Linear(10, 3), torch::nn::Softmax(1));
  torch::nn::Sequential net;
  net->push_back(classifier);
  return F::nll_loss(net->forward(torch::randn({16, 10})),
                     torch::randint(0, 3, {16}));
}
