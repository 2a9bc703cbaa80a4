// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.31078
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kClasses = 4;
constexpr double kSmoothing = 0.1;

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(torch::nn::Linear(6, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, kClasses));
  torch::optim::SGD opt(model->parameters(), 0.1);

  auto x = torch::randn({10, 6});
  auto y = torch::randint(0, kClasses, {10});
  // Hand-made label smoothing: class-probability targets of shape [N, C].
  auto soft = F::one_hot(y, kClasses).to(torch::kFloat) * (1 - kSmoothing) +
              kSmoothing / kClasses;

  torch::Tensor loss, logits;
  for (int it = 0; it < 4; ++it) {
    opt.zero_grad();
    logits = model->forward(x);
    loss = F::cross_entropy(logits, soft);
    loss.backward();
    opt.step();
  }
  auto p_true = torch::softmax(logits.detach(), 1).gather(1, y.unsqueeze(1)).squeeze(1);
  std::cout << "mean p(true class)=" << p_true.mean().item<float>() << "\n";
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
