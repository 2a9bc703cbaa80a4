#pragma once
#include <torch/torch.h>

// Binary spam detector over hashed bag-of-words features. Defined by the program.
struct SpamDetectorImpl : torch::nn::Module {
  explicit SpamDetectorImpl(int64_t num_features);
  torch::Tensor forward(torch::Tensor x);

  torch::nn::Linear fc1{nullptr};
  torch::nn::BatchNorm1d norm{nullptr};
  torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(SpamDetector);
