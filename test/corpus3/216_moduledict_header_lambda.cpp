// LABEL: torch-softmax-before-cross-entropy
// LINE: 17
// RUNTIME: ran, loss=1.58067
#include <torch/torch.h>
#include <iostream>
#include "dict_classifier.h"

int main() {
  torch::manual_seed(0);
  DictClassifier net(7, 16, 5);
  auto weights = torch::tensor({1.0, 2.0, 1.0, 0.5, 1.0}, torch::kFloat);
  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions().weight(weights));
  torch::optim::Adam opt(net->parameters(), 1e-3);

  auto compute_loss = [&](const torch::Tensor& inputs, const torch::Tensor& targets) {
    auto outputs = net->forward(inputs);
    return criterion(outputs, targets);
  };

  auto x = torch::randn({10, 7});
  auto y = torch::randint(0, 5, {10}, torch::kLong);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 2; ++epoch) {
    opt.zero_grad();
    loss = compute_loss(x, y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
