// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.4044
#include <torch/torch.h>
#include <iostream>
#include <memory>

#include "seg_net.h"

int main() {
  torch::manual_seed(0);
  auto net = std::make_shared<SegNetImpl>(/*in_channels=*/3, /*num_classes=*/4);
  torch::optim::SGD sgd(net->parameters(), 0.05);
  torch::nn::CrossEntropyLoss ce(torch::nn::CrossEntropyLossOptions().reduction(torch::kMean));

  auto images = torch::rand({2, 3, 8, 8});
  auto masks = torch::randint(0, 4, {2, 8, 8}, torch::kLong);

  for (int it = 0; it < 2; ++it) {
    sgd.zero_grad();
    auto scores = net->forward(images);  // [2, 4, 8, 8]
    auto loss = ce(scores, masks);
    loss.backward();
    sgd.step();
    std::printf("iter %d loss=%.4f\n", it, loss.item<float>());
  }
  return 0;
}
