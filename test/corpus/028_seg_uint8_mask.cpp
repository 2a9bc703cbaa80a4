// LABEL: torch-float-class-target
// LINE: 23
// RUNTIME: expected scalar type Long but found Byte
#include <torch/torch.h>
#include <iostream>

#include "seg_net.h"

namespace F = torch::nn::functional;

// foreground/background mask from a grayscale image
torch::Tensor threshold_mask(const torch::Tensor& gray, double t) {
  return (gray > t).to(torch::kUInt8);
}

int main() {
  torch::manual_seed(0);
  auto model = std::make_shared<SegNetImpl>(1, 2);
  auto gray = torch::rand({3, 1, 5, 5});
  auto mask = threshold_mask(gray.squeeze(1), 0.5);  // [3, 5, 5]

  auto logits = model->forward(gray);
  auto loss = F::cross_entropy(logits, mask, F::CrossEntropyFuncOptions().reduction(torch::kSum));
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
