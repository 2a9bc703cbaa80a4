// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=2.30107
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  const int64_t n = 6, k = 3;
  torch::nn::Linear proj(4, k);

  auto x = torch::randn({n, 4});
  // cluster assignment from the first coordinate, computed in float
  auto target = torch::floor((x.select(1, 0).clamp(-1.49, 1.49) + 1.5));
  target = target.to(torch::kLong);

  auto y2 = torch::randint(0, k, {n}, torch::TensorOptions()).to(torch::kLong);

  auto l1 = F::cross_entropy(proj(x), target);
  auto l2 = F::cross_entropy(proj(x), y2, F::CrossEntropyFuncOptions().label_smoothing(0.1));
  std::cout << "loss=" << (l1 + l2).item<float>() << std::endl;
}
