// LABEL: torch-softmax-before-cross-entropy
// LINE: 25
// RUNTIME: ran, loss=1.10064
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);

  torch::nn::Sequential model(
      torch::nn::Linear(4, 16),
      torch::nn::ReLU(),
      torch::nn::Linear(16, 3),
      torch::nn::Softmax(1));

  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.1));

  auto inputs = torch::randn({12, 4});
  auto labels = torch::randint(0, 3, {12});

  for (int epoch = 0; epoch < 3; ++epoch) {
    optimizer.zero_grad();
    auto output = model->forward(inputs);
    auto loss = criterion(output, labels);
    loss.backward();
    optimizer.step();
    std::cout << "epoch " << epoch << " loss=" << loss.item<float>() << std::endl;
  }
  return 0;
}
