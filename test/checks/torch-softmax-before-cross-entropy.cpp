// RUN: %check_torchlint %s torch-softmax-before-cross-entropy %t -- %torch_flags

#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

//===--- Positive: every form of softmax that reaches a cross entropy ----===//

void torchSoftmaxCall() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto x = torch::randn({32, 10});
  auto y = torch::randint(0, 3, {32});
  auto loss = criterion(torch::softmax(fc(x), 1), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax; CrossEntropyLoss applies log_softmax itself, so the loss cannot reach 0 and its gradients shrink; pass the raw logits [torch-softmax-before-cross-entropy]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [32, 3] / [32]: a perfect prediction still costs 0.551 (log(1 + (C-1)/e) for C = 3) instead of 0, and the gradients on the logits are 3.9x smaller than without the softmax
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: softmax applied here
}

void tensorSoftmaxMethodThroughLocals() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto x = torch::randn({32, 10});
  auto y = torch::randint(0, 3, {32});
  auto logits = fc->forward(x);
  auto probs = logits.softmax(/*dim=*/1);
  torch::Tensor out = probs;
  auto loss = criterion(out, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: softmax applied here
}

void functionalSoftmaxAndLoss() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({32, 10});
  auto y = torch::randint(0, 3, {32});
  auto p = F::softmax(fc(x), F::SoftmaxFuncOptions(1));
  auto loss = F::cross_entropy(p, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: softmax applied here
}

void fullyQualifiedFunctionalLoss() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({8, 10});
  auto y = torch::randint(0, 3, {8});
  auto loss = torch::nn::functional::cross_entropy(
      torch::nn::functional::softmax(fc(x), 1), y,
      torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
  // CHECK-MESSAGES: :[[@LINE-3]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: softmax applied here
}

void softmaxModuleAndForwardCall() {
  torch::nn::Linear fc(10, 3);
  torch::nn::Softmax softmax(torch::nn::SoftmaxOptions(1));
  torch::nn::CrossEntropyLoss criterion;
  auto x = torch::randn({32, 10});
  auto y = torch::randint(0, 3, {32});
  auto out = softmax(fc(x));
  auto loss = criterion->forward(out, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-7]]:22: note: softmax applied by this torch::nn::Softmax module
}

void sequentialEndingInSoftmax() {
  torch::nn::Sequential model(torch::nn::Linear(10, 5), torch::nn::ReLU(),
                              torch::nn::Linear(5, 3), torch::nn::Softmax(1));
  torch::nn::CrossEntropyLoss criterion;
  auto inputs = torch::randn({32, 10});
  auto targets = torch::randint(0, 3, {32});
  auto outputs = model->forward(inputs);
  auto loss = criterion(outputs, targets);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-7]]:56: note: softmax applied by this torch::nn::Softmax module
}

// Named modules: Sequential({{"name", module}, ...}).
void namedSequentialEndingInSoftmax() {
  torch::nn::Sequential seq({{"fc", torch::nn::Linear(10, 3)},
                             {"softmax", torch::nn::Softmax(1)}});
  auto loss = F::cross_entropy(seq->forward(torch::randn({4, 10})),
                               torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-4]]:42: note: softmax applied by this torch::nn::Softmax module
}

void sequentialBuiltWithPushBack() {
  torch::nn::Sequential model;
  model->push_back(torch::nn::Linear(10, 16));
  model->push_back(torch::nn::Tanh());
  model->push_back(torch::nn::Linear(16, 4));
  model->push_back(torch::nn::Softmax(torch::nn::SoftmaxOptions(-1)));
  torch::nn::CrossEntropyLoss criterion;
  auto targets = torch::randint(0, 4, {16});
  auto loss = criterion(model->forward(torch::randn({16, 10})), targets);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
}

struct NetImpl : torch::nn::Module {
  NetImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(10, 32));
    fc2 = register_module("fc2", torch::nn::Linear(32, 5));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1->forward(x));
    return torch::softmax(fc2->forward(x), /*dim=*/1);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(Net);

void customModuleArrowForward() {
  Net net;
  torch::nn::CrossEntropyLoss criterion;
  auto loss = criterion(net->forward(torch::randn({4, 10})),
                        torch::randint(0, 5, {4}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-12]]:12: note: softmax applied here
}

void customModuleCallOperatorInLoop() {
  Net net;
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(net->parameters(), 0.1);
  auto x = torch::randn({4, 10});
  auto y = torch::randint(0, 5, {4});
  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    auto out = net(x);
    auto loss = criterion(out, y);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: input of CrossEntropyLoss is already a softmax
    loss.backward();
    opt.step();
  }
}

// A module whose last layer is a Softmax module field, held by shared_ptr.
struct HeadImpl : torch::nn::Module {
  torch::nn::Linear fc;
  torch::nn::Softmax act;
  HeadImpl(int64_t in, int64_t classes)
      : fc(register_module("fc", torch::nn::Linear(in, classes))),
        act(register_module("act", torch::nn::Softmax(1))) {}
  torch::Tensor forward(const torch::Tensor &x) { return act(fc(x)); }
};

void sharedPtrModule() {
  auto head = std::make_shared<HeadImpl>(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto out = head->forward(torch::randn({2, 10}));
  auto loss = criterion(out, torch::tensor({0, 2}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-10]]:36: note: softmax applied by this torch::nn::Softmax module
}

// A Sequential with a trailing Softmax registered as a field of a module.
struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl() {
    layers = register_module(
        "layers", torch::nn::Sequential(torch::nn::Linear(8, 4),
                                        torch::nn::Softmax(1)));
  }
  torch::Tensor forward(torch::Tensor x) { return layers->forward(x); }
  torch::nn::Sequential layers{nullptr};
};
TORCH_MODULE(Classifier);

// A trainer holding the model and the loss as members.
struct Trainer {
  Classifier model;
  torch::nn::CrossEntropyLoss criterion;
  torch::Tensor step(const torch::Tensor &x, const torch::Tensor &y) {
    auto logits = model(x);
    return criterion(logits, y);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: input of CrossEntropyLoss is already a softmax
  }
};

void reassignedLocal() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({32, 10});
  auto y = torch::randint(0, 3, {32});
  torch::Tensor out = fc(x);
  out = out.softmax(1);
  auto loss = F::cross_entropy(out, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
}

void expOfLogSoftmax() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto probs = torch::log_softmax(fc(torch::randn({32, 10})), 1).exp();
  auto loss = F::cross_entropy(probs, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-3]]:66: note: exp of a log_softmax is a softmax
}

torch::Tensor predictProbabilities(torch::nn::Linear &fc,
                                   const torch::Tensor &x) {
  return torch::softmax(fc(x), 1);
}

void helperReturningSoftmax() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto probs = predictProbabilities(fc, torch::randn({32, 10}));
  auto loss = F::cross_entropy(probs, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
}

float lossOf(const torch::Tensor &out, const torch::Tensor &target) {
  return F::cross_entropy(out, target).item<float>();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: input of CrossEntropyLoss is already a softmax
}

void lossComputedInHelper() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  float l = lossOf(fc(torch::randn({32, 10})).softmax(1), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: note: reached through this call
}

void softmaxOnBothBranches(bool eval) {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  torch::Tensor out;
  if (eval)
    out = torch::softmax(fc(torch::randn({32, 10})), 1);
  else
    out = fc(torch::randn({32, 10})).softmax(-1);
  auto loss = F::cross_entropy(out, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
}

void lambdaHead() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto head = [&](const torch::Tensor &x) { return fc(x).softmax(1); };
  auto loss = criterion(head(torch::randn({4, 10})), torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
}

template <typename Model>
torch::Tensor runModel(Model &m, const torch::Tensor &x) {
  return m->forward(x);
}

void functionTemplate() {
  torch::nn::Sequential seq(torch::nn::Linear(10, 3), torch::nn::Softmax(1));
  auto loss = F::cross_entropy(runModel(seq, torch::randn({4, 10})),
                               torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of CrossEntropyLoss is already a softmax
}

// An operation the analysis does not model (addmm) gives a tensor whose
// facts are unknown; its softmax is still a softmax.
struct AffineImpl : torch::nn::Module {
  AffineImpl() {
    w = register_parameter("w", torch::randn({10, 5}));
    b = register_parameter("b", torch::zeros({5}));
  }
  torch::Tensor logits(const torch::Tensor &x) { return torch::addmm(b, x, w); }
  torch::Tensor w, b;
};

void softmaxOfAnUnmodelledOperation() {
  auto model = std::make_shared<AffineImpl>();
  auto p = F::softmax(model->logits(torch::randn({4, 10})), F::SoftmaxFuncOptions(1));
  auto loss = F::cross_entropy(p, torch::randint(0, 5, {4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
}

// A Sequential grown in a loop: the modules added last still decide.
torch::nn::Sequential buildMlp(const std::vector<int64_t> &widths,
                               int64_t classes) {
  torch::nn::Sequential seq;
  int64_t prev = 10;
  for (int64_t width : widths) {
    seq->push_back(torch::nn::Linear(prev, width));
    seq->push_back(torch::nn::Functional(torch::relu));
    prev = width;
  }
  seq->push_back(torch::nn::Linear(prev, classes));
  seq->push_back(torch::nn::Softmax(1));
  return seq;
}

void sequentialGrownInALoop() {
  auto net = buildMlp({32, 16}, 4);
  auto loss = F::cross_entropy(net->forward(torch::randn({8, 10})),
                               torch::randint(0, 4, {8}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of CrossEntropyLoss is already a softmax
}

// A configuration flag set in a constructor picks the branch that runs.
struct HeadConfig {
  int64_t classes = 3;
  bool probabilities = true;
};

struct ConfiguredImpl : torch::nn::Module {
  explicit ConfiguredImpl(HeadConfig cfg)
      : cfg_(cfg), fc(register_module("fc", torch::nn::Linear(10, cfg.classes))) {}
  torch::Tensor forward(torch::Tensor x) {
    x = fc(x);
    if (cfg_.probabilities)
      return torch::softmax(x, 1);
    return x;
  }
  HeadConfig cfg_;
  torch::nn::Linear fc;
};
TORCH_MODULE(Configured);

void configurationFlagTakesOneBranch() {
  HeadConfig on;
  Configured withProbabilities(on);
  auto a = F::cross_entropy(withProbabilities(torch::randn({4, 10})),
                            torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: input of CrossEntropyLoss is already a softmax
  HeadConfig off;
  off.probabilities = false;
  Configured withLogits(off);
  auto b = F::cross_entropy(withLogits(torch::randn({4, 10})),
                            torch::randint(0, 3, {4}));
}

void lossInsideAStreamExpression() {
  torch::nn::Linear fc(10, 3);
  std::cout << F::cross_entropy(fc(torch::randn({4, 10})).softmax(1),
                                torch::randint(0, 3, {4}))
            << '\n';
  // CHECK-MESSAGES: :[[@LINE-3]]:16: warning: input of CrossEntropyLoss is already a softmax
}

// An ensemble's average of probabilities, and probabilities of two batches
// concatenated: still distributions over the classes.
void ensembleAverageOfSoftmaxes() {
  torch::nn::Linear a(7, 3), b(7, 3);
  auto x = torch::randn({18, 7});
  std::vector<torch::Tensor> probs;
  probs.push_back(a(x).softmax(1));
  probs.push_back(torch::softmax(b(x), -1));
  auto loss = F::cross_entropy(torch::stack(probs).mean(0),
                               torch::randint(0, 3, {18}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of CrossEntropyLoss is already a softmax
  auto both = torch::cat({a(x).softmax(1), b(x).softmax(1)}, /*dim=*/0);
  auto loss2 = F::cross_entropy(both, torch::randint(0, 3, {36}));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: input of CrossEntropyLoss is already a softmax
}

//===--- Negative: near misses that must stay silent ----------------------===//

void logSoftmaxIsHarmless() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto loss = F::cross_entropy(torch::log_softmax(fc(torch::randn({32, 10})), 1), y);
  torch::nn::Sequential seq(torch::nn::Linear(10, 3), torch::nn::LogSoftmax(1));
  auto loss2 = F::cross_entropy(seq->forward(torch::randn({32, 10})), y);
}

void logSoftmaxWithNllLoss() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto loss = F::nll_loss(torch::log_softmax(fc(torch::randn({32, 10})), 1), y);
}

void linearFinalLayer() {
  torch::nn::Sequential model(torch::nn::Linear(10, 5), torch::nn::ReLU(),
                              torch::nn::Linear(5, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto loss = criterion(model->forward(torch::randn({32, 10})),
                        torch::randint(0, 3, {32}));
}

void softmaxBesideTheLoss() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto y = torch::randint(0, 3, {32});
  auto logits = fc(torch::randn({32, 10}));
  auto loss = criterion(logits, y);
  auto probs = torch::softmax(logits, 1);
  auto accuracy = (probs.argmax(1) == y).to(torch::kFloat).mean();
}

void softmaxOnOneBranchOnly(bool calibrate) {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto out = fc(torch::randn({32, 10}));
  if (calibrate)
    out = torch::softmax(out, 1);
  auto loss = F::cross_entropy(out, y);
}

void logOfSoftmaxIsLogSoftmax() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto loss = F::cross_entropy(torch::softmax(fc(torch::randn({32, 10})), 1).log(), y);
}

void softmaxNotLastInSequential() {
  torch::nn::Sequential seq(torch::nn::Linear(10, 3), torch::nn::Softmax(1),
                            torch::nn::Linear(3, 3));
  auto loss = F::cross_entropy(seq->forward(torch::randn({4, 10})),
                               torch::randint(0, 3, {4}));
}

void softmaxNotLastInNamedSequential() {
  torch::nn::Sequential seq({{"fc", torch::nn::Linear(10, 3)},
                             {"softmax", torch::nn::Softmax(1)},
                             {"head", torch::nn::Linear(3, 3)}});
  auto loss = F::cross_entropy(seq->forward(torch::randn({4, 10})),
                               torch::randint(0, 3, {4}));
}

void softmaxThenAnotherLayer() {
  torch::nn::Linear fc(10, 3), fc2(3, 3);
  auto out = torch::softmax(fc(torch::randn({4, 10})), 1);
  out = fc2(out);
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {4}));
}

struct LogitsNetImpl : torch::nn::Module {
  torch::nn::Linear fc{nullptr};
  LogitsNetImpl() { fc = register_module("fc", torch::nn::Linear(10, 3)); }
  torch::Tensor forward(torch::Tensor x) { return fc(x); }
  torch::Tensor predict(torch::Tensor x) { return torch::softmax(forward(x), 1); }
};
TORCH_MODULE(LogitsNet);

void softmaxOnlyForInference() {
  LogitsNet net;
  auto x = torch::randn({4, 10});
  auto loss = F::cross_entropy(net(x), torch::randint(0, 3, {4}));
  auto probs = net->predict(x);
}

void unknownInput(const torch::Tensor &out, const torch::Tensor &y) {
  auto loss = F::cross_entropy(out, y);
}

void scaledSoftmaxIsUnknown() {
  torch::nn::Linear fc(10, 3);
  auto p = torch::softmax(fc(torch::randn({4, 10})), 1) * 10;
  auto loss = F::cross_entropy(p, torch::randint(0, 3, {4}));
}

// A softmax over the batch, not the classes; an average over the classes.
void softmaxOverAnotherDimension() {
  torch::nn::Linear fc(10, 3);
  auto overBatch = torch::softmax(fc(torch::randn({4, 10})), /*dim=*/0);
  auto loss = F::cross_entropy(overBatch, torch::randint(0, 3, {4}));
  auto scores = torch::softmax(fc(torch::randn({2, 4, 10})), 2).mean(2);
  auto loss2 = F::cross_entropy(scores, torch::randint(0, 4, {2}));
}

// The log of an ensemble's average probabilities is what NLL expects, and
// the sum of probabilities is no distribution.
void ensembleLogOfTheAverage() {
  torch::nn::Linear a(7, 3), b(7, 3);
  auto x = torch::randn({18, 7});
  auto avg = torch::stack({a(x).softmax(1), b(x).softmax(1)}).mean(0);
  auto nll = F::nll_loss(torch::log(avg), torch::randint(0, 3, {18}));
  auto summed = torch::stack({a(x).softmax(1), b(x).softmax(1)}).sum(0);
  auto ce = F::cross_entropy(summed, torch::randint(0, 3, {18}));
}

void softmaxIntoAnotherLoss() {
  torch::nn::Linear fc(10, 3);
  auto p = torch::softmax(fc(torch::randn({4, 10})), 1);
  auto mse = F::mse_loss(p, torch::rand({4, 3}));
  auto s = torch::sigmoid(fc(torch::randn({4, 10})));
  auto ce = F::cross_entropy(s, torch::randint(0, 3, {4}));
}

//===--- The confirmation note: shapes too large to sample ---------------===//

// [1e9, 1e6] is sampled as one row of the million classes: the lowest loss is
// log(1 + 999999/e) = 12.816, and the softmax of a million logits is nearly
// flat, so its gradient all but vanishes (the ratio recomputed in Python on
// the same seeded row: 366304).
void softmaxOverAMillionClasses() {
  auto logits = torch::randn({1000000000, 1000000});
  auto y = torch::randint(0, 1000000, {1000000000});
  auto loss = F::cross_entropy(torch::softmax(logits, 1), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [1, 1000000] / [1] (clamped from [1000000000, 1000000] / [1000000000]): a perfect prediction still costs 12.816 (log(1 + (C-1)/e) for C = 1000000) instead of 0, and the gradients on the logits are 366304x smaller than without the softmax
}
