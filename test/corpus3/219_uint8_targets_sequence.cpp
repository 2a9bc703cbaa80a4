// LABEL: torch-float-class-target
// LINE: 16
// RUNTIME: expected scalar type Long but found Byte
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  const int64_t classes = 4;
  torch::nn::Conv1d head(torch::nn::Conv1dOptions(2, classes, 1));
  auto signal = torch::randn({3, 2, 8});
  auto per_step_labels = torch::randint(0, classes, {3, 8}, torch::kByte);
  auto logits = head(signal);
  auto loss = F::cross_entropy(logits, per_step_labels,
                               F::CrossEntropyFuncOptions().reduction(torch::kMean));
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
