#include <torch/torch.h>

namespace F = torch::nn::functional;

void train() {
  auto logits = torch::randn({8, 3});
  auto target = torch::randint(0, 3, {8});
  auto loss = F::cross_entropy(torch::softmax(logits, 1), target);
}
