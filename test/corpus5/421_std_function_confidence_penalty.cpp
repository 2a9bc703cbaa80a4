// LABEL: torch-softmax-before-cross-entropy
// LINE: 18
// RUNTIME: ran, loss=1.18168
#include <torch/torch.h>

#include <functional>
#include <iostream>

namespace F = torch::nn::functional;

using LossFn = std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)>;

// Cross-entropy with a confidence penalty (Pereyra et al.): subtract beta * entropy.
LossFn make_loss(double beta) {
  return [beta](const torch::Tensor& logits, const torch::Tensor& target) {
    auto probs = torch::softmax(logits, /*dim=*/1);
    auto entropy = -(probs * torch::log(probs + 1e-8)).sum(1).mean();
    return F::cross_entropy(probs, target) - beta * entropy;
  };
}

float train(torch::nn::Sequential& model, const LossFn& loss_fn, const torch::Tensor& x,
            const torch::Tensor& y, int steps) {
  torch::optim::Adam opt(model->parameters(), 1e-2);
  float last = 0;
  for (int i = 0; i < steps; ++i) {
    opt.zero_grad();
    auto loss = loss_fn(model->forward(x), y);
    loss.backward();
    opt.step();
    last = loss.item<float>();
  }
  return last;
}

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(torch::nn::Linear(10, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, 4));
  auto x = torch::randn({12, 10});
  auto y = torch::randint(0, 4, {12});
  LossFn loss_fn = make_loss(/*beta=*/0.1);
  std::cout << "loss=" << train(model, loss_fn, x, y, 5) << std::endl;
}
