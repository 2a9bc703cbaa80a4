#pragma once
#include <torch/torch.h>

// Small binary classifier: outputs the probability of the positive class.
class BinaryNetImpl : public torch::nn::Module {
 public:
  explicit BinaryNetImpl(int64_t in_features) {
    body_ = register_module(
        "body", torch::nn::Sequential(torch::nn::Linear(in_features, 32),
                                      torch::nn::ReLU(),
                                      torch::nn::Linear(32, 1),
                                      torch::nn::Sigmoid()));
  }

  torch::Tensor forward(const torch::Tensor& x) { return body_->forward(x); }

 private:
  torch::nn::Sequential body_{nullptr};
};
TORCH_MODULE(BinaryNet);
