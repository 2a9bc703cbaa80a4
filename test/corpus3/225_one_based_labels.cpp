// LABEL: torch-target-out-of-range
// LINE: 16
// RUNTIME: Target 3 is out of bounds.
#include <torch/torch.h>
#include <iostream>
#include <vector>

int main() {
  torch::manual_seed(0);
  const int64_t num_classes = 3;
  std::vector<int64_t> ratings = {1, 3, 2, 3, 1, 2};
  auto target = torch::tensor(ratings, torch::kLong);
  torch::nn::Linear scorer(5, num_classes);
  torch::nn::CrossEntropyLoss loss_fn;
  auto reviews = torch::randn({6, 5});
  auto loss = loss_fn(scorer(reviews), target);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
