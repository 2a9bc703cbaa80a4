#include "mini_torch.h"

void train() {
  auto logits = torch::randn({8, 3});
  auto target = torch::randint(0, 3, {8});
  auto loss = torch::nn::functional::cross_entropy(logits, target);
}
