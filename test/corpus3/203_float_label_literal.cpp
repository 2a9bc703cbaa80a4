// LABEL: torch-float-class-target
// LINE: 15
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  auto net = torch::nn::Linear(4, 3);
  auto x = torch::randn({5, 4});
  auto target = torch::tensor({0.0, 2.0, 1.0, 1.0, 0.0});
  auto logits = net(x);
  auto loss = F::cross_entropy(logits, target);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
