// LABEL: torch-float-class-target
// LINE: 33
// RUNTIME: expected scalar type Long but found Byte
#include "seg_net.h"

#include <iostream>

namespace {

// Binary-ish segmentation: background / foreground / boundary, derived from an intensity image.
torch::Tensor intensity_to_mask(const torch::Tensor& img) {
  auto fg = img.squeeze(1) > 0.5;
  auto boundary = (img.squeeze(1) - 0.5).abs() < 0.1;
  auto mask = fg.to(torch::kUInt8);
  mask.masked_fill_(boundary, 2);
  return mask;
}

}  // namespace

int main() {
  torch::manual_seed(0);
  auto images = torch::rand({4, 1, 10, 10});
  auto masks = intensity_to_mask(images);

  SegNet model(1, 3, 6);
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1).nesterov(true).momentum(0.9));
  torch::nn::CrossEntropyLoss criterion;

  for (int it = 0; it < 6; ++it) {
    opt.zero_grad();
    auto out = model->forward(images);
    auto loss = criterion->forward(out, masks);
    loss.backward();
    opt.step();
    std::cout << "it " << it << " loss=" << loss.item<float>() << "\n";
  }
}
