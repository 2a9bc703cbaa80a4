#pragma once
#include <torch/torch.h>

namespace seq_losses {

// Token-level cross-entropy for emissions [B, T, C] and tags [B, T]; positions holding
// pad_tag do not count.
inline torch::Tensor token_cross_entropy(const torch::Tensor& emissions, const torch::Tensor& tags,
                                         int64_t pad_tag) {
  namespace F = torch::nn::functional;
  auto flat_emissions = emissions.reshape({-1, emissions.size(-1)});
  auto flat_tags = tags.flatten();
  return F::cross_entropy(flat_emissions, flat_tags,
                          F::CrossEntropyFuncOptions().ignore_index(pad_tag));
}

}  // namespace seq_losses
