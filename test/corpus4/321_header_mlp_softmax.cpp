// LABEL: torch-softmax-before-cross-entropy
// LINE: 31
// RUNTIME: ran, loss=1.06775
#include <torch/torch.h>
#include <iostream>

#include "mlp_classifier.h"

namespace F = torch::nn::functional;

constexpr int64_t kInput = 10;
constexpr int64_t kClasses = 3;

int main() {
  torch::manual_seed(0);
  MLPClassifier model(kInput, 32, kClasses);
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));

  auto x_train = torch::randn({60, kInput});
  auto y_train = torch::randint(0, kClasses, {60});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    auto perm = torch::randperm(60);
    for (int64_t i = 0; i < 60; i += 20) {
      auto idx = perm.slice(0, i, i + 20);
      auto xb = x_train.index_select(0, idx);
      auto yb = y_train.index_select(0, idx);
      optimizer.zero_grad();
      auto output = model->forward(xb);
      loss = F::cross_entropy(output, yb);
      loss.backward();
      optimizer.step();
    }
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
