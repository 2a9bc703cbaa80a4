// LABEL: torch-softmax-before-cross-entropy
// LINE: 23
// RUNTIME: ran, loss=1.39061
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(
      torch::nn::Linear(6, 16),
      torch::nn::ReLU(),
      torch::nn::Linear(16, 4),
      torch::nn::Softmax(torch::nn::SoftmaxOptions(1)));
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));

  auto x = torch::randn({8, 6});
  auto y = torch::randint(0, 4, {8}, torch::kLong);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    auto out = model->forward(x);
    loss = criterion(out, y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
