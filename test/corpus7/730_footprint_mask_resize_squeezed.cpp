// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.327861
#include <torch/torch.h>

#include <iostream>
#include <vector>

#include "seg_blocks.h"

namespace F = torch::nn::functional;

// Building footprints from aerial tiles; tiles are downsampled for training.
constexpr int64_t kFootprintClasses = 3;  // ground, building, vegetation
constexpr int64_t kTrainSide = 8;

torch::Tensor downsample_masks(const torch::Tensor& masks) {
  auto as_image = masks.unsqueeze(1).to(torch::kFloat);  // interpolate needs a channel dim
  auto resized = F::interpolate(as_image, F::InterpolateFuncOptions()
                                              .size(std::vector<int64_t>{kTrainSide, kTrainSide})
                                              .mode(torch::kNearest));
  return resized.squeeze(1).to(torch::kLong);
}

torch::Tensor downsample_images(const torch::Tensor& images) {
  return F::avg_pool2d(images, F::AvgPool2dFuncOptions(images.size(-1) / kTrainSide));
}

int main() {
  torch::manual_seed(0);
  auto tiles = make_rectangles(6, 16, 16, kFootprintClasses);
  auto images = downsample_images(tiles.images);
  auto masks = downsample_masks(tiles.masks);

  torch::nn::Sequential net(ConvBnRelu(3, 8), ConvBnRelu(8, 8),
                            torch::nn::Conv2d(torch::nn::Conv2dOptions(8, kFootprintClasses, 1)));
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-2));
  torch::Tensor loss;
  for (int step = 0; step < 20; ++step) {
    optimizer.zero_grad();
    loss = F::cross_entropy(net->forward(images), masks);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
