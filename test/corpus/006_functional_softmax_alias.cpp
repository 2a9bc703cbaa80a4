// LABEL: torch-softmax-before-cross-entropy
// LINE: 20
// RUNTIME: ran, loss=1.80197
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  torch::nn::Linear encoder(8, 16), classifier(16, 6);

  auto features = torch::randn({5, 8});
  auto target = torch::tensor({0, 5, 3, 1, 1}, torch::kLong);

  auto hidden = F::relu(encoder(features));
  auto logits = classifier(hidden);
  auto probs = F::softmax(logits, F::SoftmaxFuncOptions(1));

  auto loss = F::cross_entropy(probs, target);
  std::cout << "cross entropy = " << loss.item<float>() << '\n';

  auto pred = probs.argmax(1);
  std::cout << "predictions: " << pred << '\n';
  return 0;
}
