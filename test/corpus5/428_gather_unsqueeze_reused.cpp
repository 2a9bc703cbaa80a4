// LABEL: torch-stray-unsqueeze
// LINE: 30
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kClasses = 4;

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(torch::nn::Linear(6, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, kClasses));
  torch::optim::SGD opt(model->parameters(), 0.1);

  auto x = torch::randn({10, 6});
  auto y = torch::randint(0, kClasses, {10});

  opt.zero_grad();
  auto log_probs = torch::log_softmax(model->forward(x), /*dim=*/1);

  // Per-sample log-likelihood of the true class, used to log the hardest examples.
  y = y.unsqueeze(1);
  auto true_log_prob = log_probs.gather(1, y).squeeze(1);
  auto hardest = true_log_prob.argmin().item<int64_t>();
  std::cout << "hardest sample=" << hardest << "\n";

  auto loss = F::nll_loss(log_probs, y);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
