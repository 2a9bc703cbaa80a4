#include "mini_torch.h"

namespace F = torch::nn::functional;

void suppressedBlock() {
  auto logits = torch::randn({8, 3});
  auto target = torch::randint(0, 3, {8});
  // NOLINTBEGIN(torch-softmax-before-cross-entropy)
  auto a = F::cross_entropy(logits.softmax(1), target);
  auto b = F::cross_entropy(torch::softmax(logits, 1), target);
  // NOLINTEND(torch-softmax-before-cross-entropy)
  // NOLINTBEGIN(torch-stray-unsqueeze)
  auto c = F::cross_entropy(logits.softmax(1), target);
  // NOLINTEND(torch-stray-unsqueeze)
  // NOLINTBEGIN
  auto d = F::cross_entropy(logits.softmax(1), target);
  // NOLINTEND
  auto e = F::cross_entropy(logits.softmax(1), target);
}
