// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.31574
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kGrades = 5;  // quality grades 1..5 in the source data

torch::Tensor to_class_index(const torch::Tensor& grades) {
  return grades - 1;  // 1..5 -> 0..4
}

int main() {
  torch::manual_seed(0);
  auto features = torch::randn({10, 7});
  auto grades = torch::tensor({1, 5, 3, 2, 4, 5, 1, 2, 3, 4}, torch::kLong);

  torch::nn::Sequential regressor;
  regressor->push_back(torch::nn::Linear(7, 12));
  regressor->push_back(torch::nn::ReLU());
  regressor->push_back(torch::nn::Linear(12, kGrades));
  torch::optim::Adam opt(regressor->parameters(), torch::optim::AdamOptions(1e-2));

  auto target = to_class_index(grades);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    loss = F::cross_entropy(regressor->forward(features), target);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
