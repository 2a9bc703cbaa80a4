// LABEL: torch-stray-unsqueeze
// LINE: 37
// RUNTIME: only batches of spatial targets supported (3D tensors) but got targets of dimension: 4
#include "seg_net.h"

#include <iostream>
#include <tuple>

// Synthetic scenes: class 0 background, class 1 bright square, class 2 dark square.
std::tuple<torch::Tensor, torch::Tensor> make_scenes(int64_t n, int64_t size) {
  auto images = 0.1 * torch::randn({n, 1, size, size});
  auto masks = torch::zeros({n, size, size}, torch::kLong);
  for (int64_t i = 0; i < n; ++i) {
    int64_t r = i % (size - 3), c = (i * 2) % (size - 3);
    int64_t cls = 1 + (i % 2);
    images[i][0].narrow(0, r, 3).narrow(1, c, 3).fill_(cls == 1 ? 1.0 : -1.0);
    masks[i].narrow(0, r, 3).narrow(1, c, 3).fill_(cls);
  }
  return {images, masks};
}

int main() {
  torch::manual_seed(0);
  const int64_t num_classes = 3;
  SegNet net(/*in_channels=*/1, num_classes);
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-2));
  torch::nn::CrossEntropyLoss pixel_loss(
      torch::nn::CrossEntropyLossOptions().weight(torch::tensor({0.2f, 1.0f, 1.0f})));

  torch::Tensor images, masks;
  std::tie(images, masks) = make_scenes(8, 12);
  masks = masks.unsqueeze(1);

  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    auto logits = net->forward(images);
    auto loss = pixel_loss(logits, masks);
    loss.backward();
    opt.step();
    std::cout << "epoch " << epoch << " loss=" << loss.item<float>() << "\n";
  }
}
