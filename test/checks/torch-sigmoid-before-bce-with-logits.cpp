// RUN: %check_torchlint %s torch-sigmoid-before-bce-with-logits %t -- %torch_flags
// RUN: %check_torchlint --plugin %plugin --clang-tidy %clang_tidy %s torch-sigmoid-before-bce-with-logits %t-plugin -- %torch_flags

#include <torch/torch.h>

namespace F = torch::nn::functional;

//===--- Positive: a sigmoid fed to a loss that applies its own -----------===//

torch::Tensor torchSigmoid() {
  torch::nn::Linear fc(10, 1);
  torch::nn::BCEWithLogitsLoss criterion;
  auto x = torch::randn({16, 10});
  auto y = torch::randint(0, 2, {16, 1}).to(torch::kFloat);
  auto loss = criterion(torch::sigmoid(fc(x)), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of BCEWithLogitsLoss [16, 1] is already a sigmoid; BCEWithLogitsLoss applies the sigmoid itself, so its predictions are confined to (0.5, 0.73) and the loss cannot approach 0; pass the raw logits [torch-sigmoid-before-bce-with-logits]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [16, 1] / [16, 1]: a perfect prediction still costs 0.693 (log 2) on targets of 0 and 0.313 (log(1 + 1/e)) on targets of 1 instead of 0, and the gradients on the logits are 5.2x smaller than without the sigmoid
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: sigmoid applied here
  return loss;
}

torch::Tensor sigmoidMethodThroughLocals() {
  torch::nn::Linear fc(10, 1);
  torch::nn::BCEWithLogitsLoss criterion;
  auto logits = fc(torch::randn({16, 10}));
  auto probs = logits.sigmoid();
  torch::Tensor out = probs;
  auto loss = criterion(out, torch::rand({16, 1}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of BCEWithLogitsLoss [16, 1] is already a sigmoid
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: sigmoid applied here
  return loss;
}

torch::Tensor sigmoidModule() {
  torch::nn::Linear fc(10, 4);
  torch::nn::Sigmoid act;
  auto out = act(fc(torch::randn({8, 10})));
  auto loss = torch::nn::BCEWithLogitsLoss()(out, torch::zeros({8, 4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of BCEWithLogitsLoss [8, 4] is already a sigmoid
  // CHECK-MESSAGES: :[[@LINE-4]]:22: note: sigmoid applied by this torch::nn::Sigmoid module
  return loss;
}

torch::Tensor sequentialEndingInSigmoid() {
  torch::nn::Sequential model(torch::nn::Linear(10, 8), torch::nn::ReLU(),
                              torch::nn::Linear(8, 1), torch::nn::Sigmoid());
  torch::nn::BCEWithLogitsLoss criterion;
  auto loss = criterion(model->forward(torch::randn({32, 10})),
                        torch::randint(0, 2, {32, 1}).to(torch::kFloat));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of BCEWithLogitsLoss [32, 1] is already a sigmoid
  // CHECK-MESSAGES: :[[@LINE-5]]:56: note: sigmoid applied by this torch::nn::Sigmoid module
  return loss;
}

torch::Tensor sequentialBuiltWithPushBack() {
  torch::nn::Sequential model;
  model->push_back(torch::nn::Linear(10, 3));
  model->push_back(torch::nn::Sigmoid());
  auto loss = F::binary_cross_entropy_with_logits(
      model->forward(torch::randn({4, 10})), torch::rand({4, 3}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of BCEWithLogitsLoss [4, 3] is already a sigmoid
  return loss;
}

torch::Tensor functionalLossWithOptions() {
  torch::nn::Linear fc(10, 1);
  auto p = torch::sigmoid(fc(torch::randn({16, 10})));
  auto loss = F::binary_cross_entropy_with_logits(
      p, torch::ones({16, 1}),
      F::BinaryCrossEntropyWithLogitsFuncOptions().pos_weight(torch::full({1}, 3.0)));
  // CHECK-MESSAGES: :[[@LINE-3]]:15: warning: input of BCEWithLogitsLoss [16, 1] is already a sigmoid
  return loss;
}

torch::Tensor moduleWithPosWeight() {
  torch::nn::Linear fc(10, 5);
  torch::nn::BCEWithLogitsLoss criterion(
      torch::nn::BCEWithLogitsLossOptions().pos_weight(torch::ones({5})));
  auto loss = criterion->forward(fc(torch::randn({8, 10})).sigmoid(),
                                 torch::rand({8, 5}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of BCEWithLogitsLoss [8, 5] is already a sigmoid
  return loss;
}

struct DiscriminatorImpl : torch::nn::Module {
  DiscriminatorImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(64, 32));
    fc2 = register_module("fc2", torch::nn::Linear(32, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::leaky_relu(fc1(x), 0.2);
    return torch::sigmoid(fc2(x));
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(Discriminator);

// A GAN discriminator ending in sigmoid, trained with BCEWithLogitsLoss.
void discriminatorTrainingLoop() {
  Discriminator d;
  torch::optim::Adam opt(d->parameters());
  torch::nn::BCEWithLogitsLoss criterion;
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (int batch = 0; batch < 4; ++batch) {
      opt.zero_grad();
      auto real = d(torch::randn({16, 64}));
      auto loss = criterion(real, torch::ones({16, 1}));
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: input of BCEWithLogitsLoss [16, 1] is already a sigmoid
      // CHECK-MESSAGES: :[[@LINE-17]]:12: note: sigmoid applied here
      loss.backward();
      opt.step();
    }
  }
}

torch::Tensor sigmoidOnBothBranches(bool twoHeads) {
  torch::nn::Linear fc(10, 1);
  torch::Tensor p;
  if (twoHeads)
    p = torch::sigmoid(fc(torch::randn({4, 10})));
  else
    p = fc(torch::randn({4, 10})).sigmoid();
  return F::binary_cross_entropy_with_logits(p, torch::zeros({4, 1}));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: input of BCEWithLogitsLoss [4, 1] is already a sigmoid
}

//===--- Negative: raw logits, or a sigmoid with a loss that expects it ---===//

torch::Tensor rawLogits() {
  torch::nn::Linear fc(10, 1);
  torch::nn::BCEWithLogitsLoss criterion;
  auto loss = criterion(fc(torch::randn({16, 10})), torch::ones({16, 1}));
  auto loss2 = F::binary_cross_entropy_with_logits(fc(torch::randn({16, 10})),
                                                   torch::zeros({16, 1}));
  return loss + loss2;
}

// BCELoss expects probabilities: sigmoid first is right.
torch::Tensor sigmoidWithBceLoss() {
  torch::nn::Linear fc(10, 1);
  torch::nn::BCELoss criterion;
  auto loss = criterion(torch::sigmoid(fc(torch::randn({16, 10}))), torch::ones({16, 1}));
  auto loss2 = F::binary_cross_entropy(fc(torch::randn({16, 10})).sigmoid(),
                                       torch::zeros({16, 1}));
  torch::nn::Sequential model(torch::nn::Linear(10, 1), torch::nn::Sigmoid());
  auto loss3 = F::binary_cross_entropy(model->forward(torch::randn({16, 10})),
                                       torch::zeros({16, 1}));
  return loss + loss2 + loss3;
}

// The sigmoid only turns logits into predictions for a metric.
torch::Tensor sigmoidForMetricsOnly() {
  torch::nn::Linear fc(10, 1);
  auto y = torch::randint(0, 2, {16, 1}).to(torch::kFloat);
  auto logits = fc(torch::randn({16, 10}));
  auto loss = F::binary_cross_entropy_with_logits(logits, y);
  auto predicted = torch::sigmoid(logits) > 0.5;
  auto accuracy = (predicted == y).to(torch::kFloat).mean();
  return loss + accuracy;
}

torch::Tensor sigmoidOnOneBranchOnly(bool probabilities) {
  torch::nn::Linear fc(10, 1);
  auto out = fc(torch::randn({4, 10}));
  if (probabilities)
    out = torch::sigmoid(out);
  return F::binary_cross_entropy_with_logits(out, torch::zeros({4, 1}));
}

// The sigmoid is not the last step: a gate, then another layer.
torch::Tensor sigmoidGateBeforeALayer() {
  torch::nn::Linear fc(10, 8), out(8, 1);
  auto h = fc(torch::randn({4, 10}));
  auto gated = h * torch::sigmoid(h);
  return F::binary_cross_entropy_with_logits(out(gated), torch::zeros({4, 1}));
}

torch::Tensor sigmoidNotLastInSequential() {
  torch::nn::Sequential model(torch::nn::Linear(10, 8), torch::nn::Sigmoid(),
                              torch::nn::Linear(8, 1));
  return F::binary_cross_entropy_with_logits(model->forward(torch::randn({4, 10})),
                                             torch::zeros({4, 1}));
}

torch::Tensor logitOfSigmoidIsALogit() {
  torch::nn::Linear fc(10, 1);
  auto p = torch::sigmoid(fc(torch::randn({4, 10})));
  return F::binary_cross_entropy_with_logits(torch::logit(p), torch::zeros({4, 1}));
}

torch::Tensor unknownInput(const torch::Tensor &scores) {
  return F::binary_cross_entropy_with_logits(scores, torch::zeros({4, 1}));
}
