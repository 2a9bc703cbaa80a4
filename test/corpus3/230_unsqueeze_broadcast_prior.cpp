// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.0618
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  const int64_t N = 6, D = 4, C = 3;
  torch::nn::Linear fc(D, C);
  auto x = torch::randn({N, D});
  auto keep = torch::tensor({1, 1, 0, 1, 1, 1}, torch::kFloat);
  auto y = torch::tensor({0, 2, 1, 1, 0, 2}, torch::kLong);
  auto log_prior = torch::log(torch::tensor({0.5f, 0.3f, 0.2f}));

  auto masked = x * keep.unsqueeze(1);
  auto logits = fc(masked) + log_prior.unsqueeze(0);
  auto per_sample = F::cross_entropy(logits, y, F::CrossEntropyFuncOptions().reduction(torch::kNone));
  auto loss = (per_sample * keep).sum() / keep.sum();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
