// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.34412
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

int main() {
  torch::manual_seed(0);
  const int64_t batch = 8, features = 10, classes = 5;

  nn::Linear head(features, classes);
  auto x = torch::randn({batch, features});
  auto y = torch::randint(0, classes, {batch});

  // log-probabilities are numerically safe to feed to cross_entropy:
  // log_softmax(log_softmax(z)) == log_softmax(z)
  auto log_probs = torch::log_softmax(head(x), /*dim=*/1);
  auto loss = nn::functional::cross_entropy(log_probs, y);

  std::cout << "loss=" << loss.item<double>() << "\n";
  return 0;
}
