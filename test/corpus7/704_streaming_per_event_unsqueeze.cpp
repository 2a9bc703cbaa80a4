// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.731132
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

// Online fraud-type classifier updated after every transaction.
int main() {
  torch::manual_seed(0);
  const int64_t features = 6;
  const int64_t fraud_types = 3;  // legit, card-not-present, account-takeover
  torch::nn::Linear scorer(features, fraud_types);
  torch::optim::SGD optimizer(scorer->parameters(), torch::optim::SGDOptions(0.05));

  auto stream = torch::randn({40, features});
  auto kind = torch::argmax(stream.narrow(1, 0, fraud_types), /*dim=*/1);

  double running = 0.0;
  for (int64_t t = 0; t < stream.size(0); ++t) {
    auto event = stream[t];          // [features]
    auto label = kind[t];            // 0-dim
    auto logits = scorer(event);     // [fraud_types]
    optimizer.zero_grad();
    auto loss = F::cross_entropy(logits.unsqueeze(0), label.unsqueeze(0));
    loss.backward();
    optimizer.step();
    running = 0.9 * running + 0.1 * loss.item<double>();
  }
  std::cout << "final loss=" << running << "\n";
  return 0;
}
