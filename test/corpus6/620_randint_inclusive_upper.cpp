// LABEL: torch-target-out-of-range
// LINE: 41
// RUNTIME: Target 4 is out of bounds.
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

struct Config {
  int64_t num_classes = 4;
  int64_t batch_size = 16;
  int64_t input_dim = 5;
};

struct Classifier : torch::nn::Module {
  explicit Classifier(const Config& cfg) {
    layers = register_module(
        "layers", torch::nn::Sequential(torch::nn::Linear(cfg.input_dim, 16), torch::nn::SiLU(),
                                        torch::nn::Linear(16, cfg.num_classes),
                                        torch::nn::LogSoftmax(1)));
  }
  torch::Tensor forward(torch::Tensor x) { return layers->forward(x); }
  torch::nn::Sequential layers{nullptr};
};

// Smoke test with synthetic data: labels drawn from [0, num_classes].
std::pair<torch::Tensor, torch::Tensor> synthetic_batch(const Config& cfg) {
  auto x = torch::randn({cfg.batch_size, cfg.input_dim});
  auto y = torch::randint(0, cfg.num_classes + 1, {cfg.batch_size}, torch::kLong);
  return {x, y};
}

int main() {
  torch::manual_seed(0);
  Config cfg;
  auto model = std::make_shared<Classifier>(cfg);
  torch::optim::SGD opt(model->parameters(), 0.01);
  for (int step = 0; step < 3; ++step) {
    auto [x, y] = synthetic_batch(cfg);
    auto loss = F::nll_loss(model->forward(x), y);
    opt.zero_grad();
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<double>() << std::endl;
  }
}
