#pragma once
#include <torch/torch.h>

// Tiny fully-convolutional segmentation network.
// Output: [N, num_classes, H / stride, W / stride] (per-pixel logits).
struct SegNetImpl : torch::nn::Module {
  SegNetImpl(int64_t in_channels, int64_t num_classes, int64_t stride = 1) {
    enc = register_module(
        "enc", torch::nn::Conv2d(torch::nn::Conv2dOptions(in_channels, 16, 3)
                                     .padding(1)
                                     .stride(stride)));
    head = register_module(
        "head", torch::nn::Conv2d(torch::nn::Conv2dOptions(16, num_classes, 1)));
  }

  torch::Tensor forward(torch::Tensor x) {
    return head->forward(torch::relu(enc->forward(x)));
  }

  torch::nn::Conv2d enc{nullptr};
  torch::nn::Conv2d head{nullptr};
};
TORCH_MODULE(SegNet);
