// LABEL: torch-target-out-of-range
// LINE: 28
// RUNTIME: Target -1 is out of bounds.
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kClasses = 3;
constexpr int64_t kBatch = 32;

// Weakly-labelled data: -1 means "no annotation".
std::tuple<torch::Tensor, torch::Tensor> sample_batch() {
  auto x = torch::randn({kBatch, 10});
  auto y = torch::randint(-1, kClasses, {kBatch});
  return std::make_tuple(x, y);
}

int main() {
  torch::manual_seed(0);
  torch::nn::Linear model(10, kClasses);
  torch::nn::CrossEntropyLoss criterion;  // default options
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int step = 0; step < 4; ++step) {
    torch::Tensor x, y;
    std::tie(x, y) = sample_batch();
    opt.zero_grad();
    loss = criterion(model(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
