// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.43738
#include <torch/torch.h>
#include <cstdint>
#include <iostream>
#include <vector>

int main() {
  torch::manual_seed(0);
  std::vector<uint8_t> label_bytes = {3, 1, 0, 2, 2, 1, 0, 3};
  auto labels = torch::from_blob(label_bytes.data(), {static_cast<int64_t>(label_bytes.size())}, torch::kUInt8).clone();
  auto pixels = torch::rand({8, 16});

  torch::nn::Sequential net;
  net->push_back("fc", torch::nn::Linear(16, 4));
  torch::nn::CrossEntropyLoss crit(torch::nn::CrossEntropyLossOptions().label_smoothing(0.05));
  auto loss = crit(net->forward(pixels), labels);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
