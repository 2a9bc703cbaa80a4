// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 29
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kClasses = 5;
constexpr int64_t kBackground = 1;  // extra "background" slot kept from the detector labels

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(torch::nn::Linear(10, 20), torch::nn::ReLU(),
                              torch::nn::Linear(20, kClasses));
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));

  auto x = torch::randn({16, 10});
  auto y = torch::randint(0, kClasses, {16});
  auto perm = torch::randperm(16);
  const double lam = 0.6;

  auto onehot = F::one_hot(y, kClasses + kBackground).to(torch::kFloat);  // [16, 6]
  auto mixed_x = lam * x + (1 - lam) * x.index_select(0, perm);
  auto soft_y = lam * onehot + (1 - lam) * onehot.index_select(0, perm);

  opt.zero_grad();
  auto logits = model->forward(mixed_x);  // [16, 5]
  auto loss = F::cross_entropy(logits, soft_y);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
