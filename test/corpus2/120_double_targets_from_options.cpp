// LABEL: torch-float-class-target
// LINE: 40
// RUNTIME: expected scalar type Long but found Double
#include <torch/torch.h>

#include <iostream>

namespace cfg {
constexpr int64_t kBatch = 16;
constexpr int64_t kInput = 9;
constexpr int64_t kClasses = 5;
}  // namespace cfg

struct ScoringModel : torch::nn::Module {
  ScoringModel() {
    body = register_module("body", torch::nn::Sequential(torch::nn::Linear(cfg::kInput, 32),
                                                         torch::nn::LeakyReLU(),
                                                         torch::nn::Linear(32, cfg::kClasses)));
  }
  torch::Tensor forward(const torch::Tensor& x) { return body->forward(x); }
  torch::nn::Sequential body{nullptr};
};

int main() {
  torch::manual_seed(0);
  torch::Device device(torch::kCPU);
  auto opts = torch::TensorOptions().dtype(torch::kFloat64).device(device);

  ScoringModel model;
  model.to(device);
  torch::optim::Adagrad opt(model.parameters(), torch::optim::AdagradOptions(0.05));
  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions().reduction(torch::kMean));

  auto inputs = torch::randn({cfg::kBatch, cfg::kInput}, torch::TensorOptions().device(device));
  auto raw = torch::randint(0, cfg::kClasses, {cfg::kBatch});
  auto targets = raw.to(opts);

  for (int step = 0; step < 5; ++step) {
    opt.zero_grad();
    auto loss = criterion(model.forward(inputs), targets);
    loss.backward();
    opt.step();
    std::cout << "step " << step << " loss=" << loss.item<double>() << std::endl;
  }
}
