// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.04838
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

struct TrainConfig {
  bool train_on_probabilities = false;  // experimental, disabled
  int epochs = 4;
  double lr = 0.05;
};

int main() {
  torch::manual_seed(0);
  TrainConfig cfg;
  torch::nn::Sequential model(torch::nn::Linear(10, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, 3));
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(cfg.lr));

  auto x = torch::randn({18, 10});
  auto y = torch::randint(0, 3, {18});

  torch::Tensor loss;
  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {
    opt.zero_grad();
    auto logits = model->forward(x);
    if (cfg.train_on_probabilities) {
      loss = F::cross_entropy(F::softmax(logits, F::SoftmaxFuncOptions(1)), y);
    } else {
      loss = F::cross_entropy(logits, y);
    }
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
