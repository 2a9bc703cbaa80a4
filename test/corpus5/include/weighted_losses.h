#pragma once
#include <torch/torch.h>

namespace losses {

// Class-weighted cross-entropy shared by the training scripts.
inline torch::Tensor weighted_classification_loss(const torch::Tensor& scores,
                                                  const torch::Tensor& labels,
                                                  const torch::Tensor& class_weights) {
  namespace F = torch::nn::functional;
  return F::cross_entropy(scores, labels, F::CrossEntropyFuncOptions().weight(class_weights));
}

}  // namespace losses
