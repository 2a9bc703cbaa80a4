// LABEL: torch-target-out-of-range
// LINE: 33
// RUNTIME: Target 4 is out of bounds.
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kSamples = 20;

struct WeatherNetImpl : torch::nn::Module {
  WeatherNetImpl() {
    net = register_module("net", torch::nn::Sequential(
        torch::nn::Linear(8, 16), torch::nn::ReLU(),
        torch::nn::Linear(16, 4)));  // sunny, cloudy, rain, snow
  }
  torch::Tensor forward(torch::Tensor x) { return net->forward(x); }
  torch::nn::Sequential net{nullptr};
};
TORCH_MODULE(WeatherNet);

int main() {
  torch::manual_seed(0);
  WeatherNet model;
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-3));

  auto x = torch::randn({kSamples, 8});
  // Cycle through the weather types (fog was added to the label set later).
  auto weather = torch::arange(kSamples) % 5;

  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    loss = criterion(model(x), weather);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
