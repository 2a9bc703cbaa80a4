// A header that two translation units include: a loss helper.
#pragma once
#include "mini_torch.h"

inline torch::Tensor lossOf(const torch::Tensor &Input,
                            const torch::Tensor &Target) {
  return torch::nn::functional::cross_entropy(Input, Target);
}
