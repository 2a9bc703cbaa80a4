// LABEL: torch-stray-unsqueeze
// LINE: 51
// RUNTIME: only batches of spatial targets supported (3D tensors) but got targets of dimension: 4
#include <torch/torch.h>

#include <iostream>
#include <utility>
#include <vector>

#include "seg_blocks.h"

namespace F = torch::nn::functional;

constexpr int64_t kRoadClasses = 4;  // background, road, lane marking, vehicle

// Full-resolution annotations are 16x16; training runs at 8x8.
auto resize_pair(const torch::Tensor& images, const torch::Tensor& masks, int64_t side) {
  std::vector<int64_t> size{side, side};
  auto small_images = F::interpolate(
      images, F::InterpolateFuncOptions().size(size).mode(torch::kBilinear).align_corners(false));
  auto small_masks =
      F::interpolate(masks.unsqueeze(1).to(torch::kFloat),
                     F::InterpolateFuncOptions().size(size).mode(torch::kNearest))
          .to(torch::kLong);
  return std::make_pair(small_images, small_masks);
}

struct RoadNetImpl : torch::nn::Module {
  RoadNetImpl() {
    body = register_module("body", torch::nn::Sequential(ConvBnRelu(3, 8), ConvBnRelu(8, 8)));
    logits = register_module("logits", torch::nn::Conv2d(torch::nn::Conv2dOptions(8, kRoadClasses, 1)));
  }
  torch::Tensor forward(const torch::Tensor& x) { return logits(body->forward(x)); }

  torch::nn::Sequential body{nullptr};
  torch::nn::Conv2d logits{nullptr};
};
TORCH_MODULE(RoadNet);

int main() {
  torch::manual_seed(0);
  auto full = make_rectangles(6, 16, 16, kRoadClasses);
  auto [images, masks] = resize_pair(full.images, full.masks, 8);

  RoadNet net;
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().weight(torch::tensor({0.5, 1.0, 2.0, 1.0})));
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-2));
  for (int step = 0; step < 10; ++step) {
    optimizer.zero_grad();
    auto loss = criterion(net(images), masks);
    loss.backward();
    optimizer.step();
    std::cout << "step " << step << " loss " << loss.item<double>() << "\n";
  }
  return 0;
}
