// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.956761
#include <torch/torch.h>

#include <functional>
#include <iostream>
#include <map>
#include <string>

namespace F = torch::nn::functional;

using LossFn = std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)>;

std::map<std::string, LossFn> loss_registry() {
  std::map<std::string, LossFn> registry;
  registry["ce"] = [](const torch::Tensor& logits, const torch::Tensor& y) {
    return F::cross_entropy(logits, y);
  };
  // Focal loss: down-weight easy examples by (1 - p)^gamma.
  registry["focal"] = [](const torch::Tensor& logits, const torch::Tensor& y) {
    const double gamma = 2.0;
    auto p = torch::softmax(logits, /*dim=*/1);
    auto log_p = torch::log_softmax(logits, /*dim=*/1);
    auto modulated = (1 - p).pow(gamma) * log_p;
    return F::nll_loss(modulated, y);
  };
  return registry;
}

struct TrainConfig {
  std::string loss = "focal";
  int steps = 5;
};

int main() {
  torch::manual_seed(0);
  TrainConfig cfg;
  auto registry = loss_registry();
  const LossFn& loss_fn = registry.at(cfg.loss);

  torch::nn::Sequential model(torch::nn::Linear(8, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, 5));
  torch::optim::Adam opt(model->parameters(), 1e-2);
  auto x = torch::randn({20, 8});
  auto y = torch::randint(0, 5, {20});
  torch::Tensor loss;
  for (int i = 0; i < cfg.steps; ++i) {
    opt.zero_grad();
    loss = loss_fn(model->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
