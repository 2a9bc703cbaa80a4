// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.61211
#include <torch/torch.h>
#include <iostream>

#include "seg_net.h"

constexpr int64_t kClasses = 5;
constexpr int64_t kSize = 12;

int main() {
  torch::manual_seed(0);
  SegNet net(/*in_channels=*/3, kClasses);
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().weight(torch::tensor({0.5, 1.0, 1.0, 2.0, 2.0})));
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-3));

  std::vector<std::pair<torch::Tensor, torch::Tensor>> batches;
  for (int i = 0; i < 3; ++i) {
    batches.emplace_back(torch::randn({2, 3, kSize, kSize}),
                         torch::randint(0, kClasses, {2, kSize, kSize}));
  }

  torch::Tensor loss;
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (auto& [image, mask] : batches) {
      opt.zero_grad();
      auto logits = net(image);           // [2, 5, 12, 12]
      loss = criterion(logits, mask);     // mask [2, 12, 12]
      loss.backward();
      opt.step();
    }
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
