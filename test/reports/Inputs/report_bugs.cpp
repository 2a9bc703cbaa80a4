#include "mini_torch.h"
#include "shared_model.h"

namespace F = torch::nn::functional;

// A softmax before the loss: a finding with a fix-it.
void softmaxBug() {
  auto logits = torch::randn({8, 3});
  auto target = torch::randint(0, 3, {8});
  auto loss = F::cross_entropy(torch::softmax(logits, 1), target);
}

// A float target: a finding and a note.
void floatTarget() {
  auto logits = torch::randn({8, 3});
  auto target = torch::randint(0, 3, {8}).to(torch::kFloat);
  auto loss = F::cross_entropy(logits, target);
}

// Text that is not ASCII before the finding on its line.
void notAscii() {
  auto logits = torch::randn({8, 3});
  auto target = torch::randint(0, 3, {8});
  /* é😀 */ auto loss = F::cross_entropy(logits.softmax(1), target);
}

// A finding in a header that second_file.cpp reaches the same way: reported
// once.
void viaHeader() {
  auto logits = torch::randn({8, 3});
  auto loss = lossOf(torch::softmax(logits, 1), torch::randint(0, 3, {8}));
}
