// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.52422
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kClasses = 5;

// Mixup: blend two batches and their one-hot labels.
std::pair<torch::Tensor, torch::Tensor> mixup(const torch::Tensor& x, const torch::Tensor& y,
                                              double lam) {
  auto perm = torch::randperm(x.size(0));
  auto onehot = F::one_hot(y, kClasses).to(torch::kFloat);
  auto mixed_x = lam * x + (1 - lam) * x.index_select(0, perm);
  auto mixed_y = lam * onehot + (1 - lam) * onehot.index_select(0, perm);
  return {mixed_x, mixed_y};
}

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(torch::nn::Linear(10, 20), torch::nn::ReLU(),
                              torch::nn::Linear(20, kClasses));
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));

  auto x = torch::randn({16, 10});
  auto y = torch::randint(0, kClasses, {16});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 4; ++epoch) {
    auto [mx, my] = mixup(x, y, 0.7);
    opt.zero_grad();
    loss = F::cross_entropy(model->forward(mx), my);  // class-probability targets
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
