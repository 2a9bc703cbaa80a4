// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.3034
#include <torch/torch.h>

#include <iomanip>
#include <iostream>

int main() {
  torch::manual_seed(0);
  const int64_t n = 36, d = 4, k = 3;

  auto x = torch::randn({n, d});
  auto w_true = torch::randn({d, k});
  auto y = x.mm(w_true).argmax(1);

  auto W = torch::zeros({d, k}, torch::requires_grad());
  auto b = torch::zeros({k}, torch::requires_grad());
  torch::optim::SGD opt({W, b}, torch::optim::SGDOptions(0.5));

  torch::Tensor loss;
  for (int it = 0; it < 40; ++it) {
    auto probs = torch::softmax(x.mm(W) + b, 1);
    loss = torch::nll_loss(torch::log(probs + 1e-8), y);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  std::cout << std::fixed << std::setprecision(4) << "loss=" << loss.item<float>() << "\n";

  // inference
  torch::NoGradGuard no_grad;
  auto test_x = torch::randn({5, d});
  auto p = torch::softmax(test_x.mm(W) + b, /*dim=*/1);
  auto conf = std::get<0>(p.max(1));
  std::cout << "confidence: " << conf << "\n";
}
