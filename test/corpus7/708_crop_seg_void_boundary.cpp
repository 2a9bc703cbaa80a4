// LABEL: torch-target-out-of-range
// LINE: 49
// RUNTIME: Target 255 is out of bounds.
#include <torch/torch.h>

#include <iostream>

#include "seg_blocks.h"

constexpr int64_t kCropClasses = 3;   // soil, wheat, weed
constexpr int64_t kVoidLabel = 255;   // annotators leave object borders unlabeled

torch::Tensor mark_boundaries(torch::Tensor masks) {
  auto right = masks.narrow(2, 1, masks.size(2) - 1);
  auto left = masks.narrow(2, 0, masks.size(2) - 1);
  auto edge = right.ne(left);
  auto out = masks.clone();
  out.narrow(2, 1, masks.size(2) - 1).masked_fill_(edge, kVoidLabel);
  return out;
}

class CropNetImpl : public torch::nn::Module {
 public:
  CropNetImpl() : stem_(3, 8), mid_(8, 8), head_(torch::nn::Conv2dOptions(8, kCropClasses, 1)) {
    register_module("stem", stem_);
    register_module("mid", mid_);
    register_module("head", head_);
  }
  torch::Tensor forward(const torch::Tensor& x) { return head_(mid_(stem_(x))); }

 private:
  ConvBnRelu stem_;
  ConvBnRelu mid_;
  torch::nn::Conv2d head_;
};
TORCH_MODULE(CropNet);

int main() {
  torch::manual_seed(0);
  auto data = make_rectangles(4, 10, 10, kCropClasses);
  auto labels = mark_boundaries(data.masks);

  CropNet net;
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().weight(torch::tensor({0.3, 1.0, 1.0})));
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-2));
  for (int step = 0; step < 5; ++step) {
    optimizer.zero_grad();
    auto loss = criterion(net(data.images), labels);
    loss.backward();
    optimizer.step();
  }
  std::cout << "done\n";
  return 0;
}
