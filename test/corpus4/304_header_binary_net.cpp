// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 28
// RUNTIME: ran, loss=0.617723
#include <torch/torch.h>
#include <iostream>

#include "binary_net.h"

int main() {
  torch::manual_seed(0);
  constexpr int64_t kSamples = 64;
  constexpr int64_t kBatch = 16;

  BinaryNet model(10);
  torch::nn::BCEWithLogitsLoss criterion;
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-2));

  auto features = torch::randn({kSamples, 10});
  auto targets = (features.sum(1, /*keepdim=*/true) > 0).to(torch::kFloat);

  torch::Tensor loss;
  for (int epoch = 0; epoch < 4; ++epoch) {
    for (int64_t i = 0; i < kSamples; i += kBatch) {
      auto xb = features.narrow(0, i, kBatch);
      auto yb = targets.narrow(0, i, kBatch);
      optimizer.zero_grad();
      auto out = model(xb);
      loss = criterion(out, yb);
      loss.backward();
      optimizer.step();
    }
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
