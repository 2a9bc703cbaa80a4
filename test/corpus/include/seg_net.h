#pragma once
#include <torch/torch.h>

// A toy fully-convolutional segmentation network: keeps spatial resolution.
class SegNetImpl : public torch::nn::Module {
 public:
  SegNetImpl(int64_t in_channels, int64_t num_classes) {
    enc_ = register_module(
        "enc", torch::nn::Conv2d(torch::nn::Conv2dOptions(in_channels, 8, 3).padding(1)));
    head_ = register_module("head", torch::nn::Conv2d(torch::nn::Conv2dOptions(8, num_classes, 1)));
  }

  torch::Tensor forward(const torch::Tensor& x) {
    auto h = torch::relu(enc_->forward(x));
    return head_->forward(h);  // [N, num_classes, H, W]
  }

 private:
  torch::nn::Conv2d enc_{nullptr};
  torch::nn::Conv2d head_{nullptr};
};
