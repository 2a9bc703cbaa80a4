#pragma once
#include <torch/torch.h>

// Returns raw logits while training and class probabilities in eval() mode,
// so that deployment code gets calibrated-looking scores.
struct DualModeClassifierImpl : torch::nn::Module {
  DualModeClassifierImpl(int64_t in_features, int64_t num_classes) {
    fc1 = register_module("fc1", torch::nn::Linear(in_features, 32));
    fc2 = register_module("fc2", torch::nn::Linear(32, num_classes));
  }

  torch::Tensor forward(const torch::Tensor& x) {
    auto logits = fc2->forward(torch::gelu(fc1->forward(x)));
    if (is_training()) {
      return logits;
    }
    return torch::softmax(logits, /*dim=*/-1);
  }

  torch::nn::Linear fc1{nullptr};
  torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(DualModeClassifier);
