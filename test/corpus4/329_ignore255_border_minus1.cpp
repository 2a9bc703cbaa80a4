// LABEL: torch-target-out-of-range
// LINE: 25
// RUNTIME: Target -1 is out of bounds.
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kClasses = 3;
constexpr int64_t kIgnore = 255;

int main() {
  torch::manual_seed(0);
  torch::nn::Conv2d seg_head(torch::nn::Conv2dOptions(4, kClasses, 3).padding(1));
  torch::optim::SGD opt(seg_head->parameters(), torch::optim::SGDOptions(0.01));

  auto feats = torch::randn({2, 4, 10, 10});
  // Valid interior labels, border pixels marked as "don't care".
  auto mask = torch::full({2, 10, 10}, -1, torch::kLong);
  mask.slice(1, 1, 9).slice(2, 1, 9).copy_(torch::randint(0, kClasses, {2, 8, 8}));

  auto options = F::CrossEntropyFuncOptions().ignore_index(kIgnore);
  opt.zero_grad();
  auto logits = seg_head(feats);
  auto loss = F::cross_entropy(logits, mask, options);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
