// LABEL: torch-softmax-before-cross-entropy
// LINE: include/weighted_losses.h:11
// RUNTIME: ran, loss=1.11235
#include <torch/torch.h>

#include <iostream>

#include "weighted_losses.h"

constexpr int64_t kLesionTypes = 3;

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(torch::nn::Linear(16, 32), torch::nn::ReLU(),
                              torch::nn::Linear(32, kLesionTypes));
  torch::optim::Adam opt(model->parameters(), 1e-3);

  auto patches = torch::randn({9, 16});
  auto lesion = torch::tensor({0, 0, 1, 0, 2, 0, 1, 0, 0});
  auto counts = torch::bincount(lesion, /*weights=*/{}, kLesionTypes).to(torch::kFloat);
  auto class_weights = counts.sum() / (kLesionTypes * counts);

  torch::Tensor loss;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    auto probs = model->forward(patches).softmax(/*dim=*/1);
    std::cout << "max prob=" << probs.max().item<float>() << "\n";
    loss = losses::weighted_classification_loss(probs, lesion, class_weights);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
