#pragma once
#include <torch/torch.h>

namespace F = torch::nn::functional;

inline torch::Tensor headerLoss(torch::Tensor logits, torch::Tensor target) {
#ifdef FLAGS_FROM_THE_DATABASE
  return F::cross_entropy(torch::softmax(logits, 1), target);
#else
  return F::cross_entropy(logits, target);
#endif
}
