// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 27
// RUNTIME: size mismatch (got input: [4, 3, 8, 8] , target: [4, 16, 16]
#include <torch/torch.h>
#include <iostream>

#include "seg_net.h"

constexpr int64_t kClasses = 3;
constexpr int64_t kH = 16;
constexpr int64_t kW = 16;

int main() {
  torch::manual_seed(0);
  // Strided encoder to save memory on large tiles.
  SegNet net(/*in_channels=*/1, kClasses, /*stride=*/2);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.05));

  auto tiles = torch::randn({4, 1, kH, kW});
  auto masks = torch::randint(0, kClasses, {4, kH, kW});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 2; ++epoch) {
    opt.zero_grad();
    auto logits = net->forward(tiles);   // [4, 3, 8, 8]
    loss = criterion(logits, masks);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
