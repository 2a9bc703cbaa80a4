#pragma once
#include <torch/torch.h>

namespace tagging {

// Cross-entropy over per-token emissions [B, T, C] against gold tags [B, T].
inline torch::Tensor tag_loss(const torch::Tensor& emissions, const torch::Tensor& gold_tags) {
  auto scores = emissions.permute({0, 2, 1});  // cross_entropy wants [B, C, T]
  return torch::nn::functional::cross_entropy(scores, gold_tags);
}

}  // namespace tagging
