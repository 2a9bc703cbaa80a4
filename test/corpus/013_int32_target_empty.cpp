// LABEL: torch-float-class-target
// LINE: 25
// RUNTIME: expected scalar type Long but found Int
#include <torch/torch.h>
#include <iostream>
#include <cstdint>

#include "mlp.h"

int main() {
  torch::manual_seed(0);
  demo::MLP mlp(4, 16, 3);
  torch::nn::CrossEntropyLoss criterion;

  const int n = 6;
  auto features = torch::randn({n, 4});
  auto labels = torch::empty({n}, torch::TensorOptions().dtype(torch::kInt32));
  auto acc = labels.accessor<int32_t, 1>();
  for (int i = 0; i < n; ++i) {
    acc[i] = i % 3;
  }

  mlp->train();
  auto logits = mlp->forward(features);
  torch::Tensor loss = criterion(logits, labels);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
