// LABEL: torch-float-class-target
// LINE: 13
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);

  auto logits = torch::randn({4, 3}, torch::requires_grad());
  auto target = torch::tensor({1.f, 0.f, 2.f, 2.f});

  auto loss = torch::nn::functional::cross_entropy(logits, target);
  loss.backward();
  std::cout << "loss: " << loss.item<float>() << std::endl;
  std::cout << "grad norm: " << logits.grad().norm().item<float>() << std::endl;
}
