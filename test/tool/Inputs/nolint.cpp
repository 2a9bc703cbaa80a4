#include "mini_torch.h"

namespace F = torch::nn::functional;

void suppressed() {
  auto logits = torch::randn({8, 3});
  auto target = torch::randint(0, 3, {8});
  auto a = F::cross_entropy(logits.softmax(1), target); // NOLINT(torch-softmax-before-cross-entropy)
  auto b = F::cross_entropy(logits.softmax(1), target); // NOLINT
  // NOLINTNEXTLINE(torch-*)
  auto c = F::cross_entropy(logits.softmax(1), target);
  auto d = F::cross_entropy(logits.softmax(1), target); // NOLINT(torch-stray-unsqueeze)
}
