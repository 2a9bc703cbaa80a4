#pragma once

#include <torch/torch.h>

// Building blocks for the small segmentation experiments.

class ConvBnReluImpl : public torch::nn::Module {
 public:
  ConvBnReluImpl(int64_t in_ch, int64_t out_ch, int64_t stride = 1)
      : conv_(torch::nn::Conv2dOptions(in_ch, out_ch, 3).stride(stride).padding(1).bias(false)),
        bn_(out_ch) {
    register_module("conv", conv_);
    register_module("bn", bn_);
  }

  torch::Tensor forward(const torch::Tensor& x) { return torch::relu(bn_(conv_(x))); }

 private:
  torch::nn::Conv2d conv_;
  torch::nn::BatchNorm2d bn_;
};
TORCH_MODULE(ConvBnRelu);

// Images [N, 3, H, W] and integer masks [N, H, W] of axis-aligned rectangles,
// one class per rectangle, background 0.
struct SegSample {
  torch::Tensor images;
  torch::Tensor masks;
};

inline SegSample make_rectangles(int64_t n, int64_t h, int64_t w, int64_t num_classes) {
  auto masks = torch::zeros({n, h, w}, torch::kLong);
  for (int64_t i = 0; i < n; ++i) {
    int64_t cls = 1 + i % (num_classes - 1);
    int64_t top = i % (h / 2);
    int64_t left = (i * 3) % (w / 2);
    masks.index_put_({i, torch::indexing::Slice(top, top + h / 2),
                      torch::indexing::Slice(left, left + w / 2)},
                     cls);
  }
  auto images = torch::randn({n, 3, h, w}) * 0.1 +
                masks.unsqueeze(1).to(torch::kFloat).expand({n, 3, h, w}) / num_classes;
  return {images, masks};
}
