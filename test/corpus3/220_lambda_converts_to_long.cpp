// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.11647
#include <torch/torch.h>
#include <functional>
#include <iostream>

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential mlp(torch::nn::Linear(3, 6), torch::nn::ReLU(), torch::nn::Linear(6, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto raw_labels = torch::tensor({0.f, 2.f, 1.f, 2.f, 0.f, 1.f});
  std::function<torch::Tensor(const torch::Tensor&)> prepare = [](const torch::Tensor& t) {
    return t.round().to(torch::kLong);
  };
  auto x = torch::randn({6, 3});
  auto labels = prepare(raw_labels);
  auto loss = criterion(mlp->forward(x), labels);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
