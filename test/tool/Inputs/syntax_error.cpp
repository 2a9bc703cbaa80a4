#include "mini_torch.h"

void train() {
  auto logits = torch::randn({8, 3})
}
