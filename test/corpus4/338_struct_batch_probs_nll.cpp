// LABEL: torch-softmax-before-nll-loss
// LINE: 35
// RUNTIME: ran, loss=-0.145205
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kClasses = 6;

struct ScoredBatch {
  torch::Tensor probs;   // per-class probabilities
  torch::Tensor labels;
};

ScoredBatch score(torch::nn::Linear& head, const torch::Tensor& x, const torch::Tensor& y) {
  ScoredBatch b;
  b.probs = head(x).softmax(1);
  b.labels = y;
  return b;
}

int main() {
  torch::manual_seed(0);
  torch::nn::Linear head(20, kClasses);
  torch::optim::SGD opt(head->parameters(), torch::optim::SGDOptions(0.1));

  auto x = torch::randn({30, 20});
  auto y = torch::randint(0, kClasses, {30});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    ScoredBatch batch = score(head, x, y);
    loss = torch::nn::functional::nll_loss(batch.probs, batch.labels);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
