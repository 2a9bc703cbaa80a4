// Uses LibTorch through a project header found with the command's -I.
#include "model.h"

void train() {
  auto logits = torch::randn({8, 3});
  auto target = torch::randint(0, 3, {8});
#ifdef FLAGS_FROM_THE_DATABASE
  auto loss = F::cross_entropy(torch::softmax(logits, 1), target);
#endif
}
