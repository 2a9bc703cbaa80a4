// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 32
// RUNTIME: Expected floating point type for target with class probabilities, got Long
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kClasses = 7;

struct Batch {
  torch::Tensor x;
  torch::Tensor y;
};

Batch make_batch(int64_t n) {
  auto labels = torch::randint(0, kClasses, {n});
  return {torch::randn({n, 12}), F::one_hot(labels, kClasses)};
}

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential net(torch::nn::Linear(12, 24), torch::nn::ReLU(),
                            torch::nn::Linear(24, kClasses));
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int step = 0; step < 3; ++step) {
    Batch b = make_batch(16);
    opt.zero_grad();
    loss = criterion(net->forward(b.x), b.y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
