// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 23
// RUNTIME: size mismatch (got input: [2, 3, 4, 4] , target: [2, 8, 8]
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

int main() {
  torch::manual_seed(0);
  nn::Sequential backbone(
      nn::Conv2d(nn::Conv2dOptions(3, 8, 3).stride(2).padding(1)),
      nn::BatchNorm2d(8),
      nn::ReLU(),
      nn::Conv2d(nn::Conv2dOptions(8, 3, 1)));

  auto image = torch::randn({2, 3, 8, 8});
  auto labels = torch::randint(0, 3, {2, 8, 8});

  nn::CrossEntropyLoss pixel_loss;
  try {
    auto logits = backbone->forward(image);
    auto loss = pixel_loss(logits, labels);
    std::cout << "loss=" << loss.item<float>() << std::endl;
  } catch (const std::exception& ex) {
    std::cout << "caught: " << ex.what() << std::endl;
  }
}
