// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.35087
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  // labels stored compactly as bytes
  auto labels = torch::tensor({3, 1, 0, 2, 2, 1}, torch::kUInt8);
  auto inputs = torch::randn({6, 7});

  torch::nn::Linear lin(7, 4);
  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions().weight(torch::tensor({1.0f, 2.0f, 1.0f, 0.5f})));
  auto loss = criterion(lin(inputs), labels);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
