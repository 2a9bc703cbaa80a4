// LABEL: torch-softmax-before-cross-entropy
// LINE: 21
// RUNTIME: ran, loss=1.35911
#include <torch/torch.h>
#include <iostream>

#include "tiny_classifier.h"

int main() {
  torch::manual_seed(0);
  TinyClassifier net(12, 24, 4);
  auto criterion = torch::nn::CrossEntropyLoss();
  torch::optim::SGD optim(net->parameters(), torch::optim::SGDOptions(0.2));

  auto inputs = torch::randn({9, 12});
  auto labels = torch::randint(0, 4, {9});

  for (size_t epoch = 0; epoch < 2; ++epoch) {
    net->train();
    optim.zero_grad();
    auto loss = criterion->forward(net(inputs), labels);
    loss.backward();
    optim.step();
    std::cout << "[epoch " << epoch << "] loss=" << loss.item<float>() << "\n";
  }
  return 0;
}
