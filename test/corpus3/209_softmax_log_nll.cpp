// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.42212
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  torch::nn::Linear head(5, 3);
  auto x = torch::randn({4, 5});
  auto y = torch::tensor({2, 0, 1, 1}, torch::kLong);
  auto probs = F::softmax(head(x), F::SoftmaxFuncOptions(1));
  auto log_probs = torch::log(probs.clamp_min(1e-8));
  auto loss = F::nll_loss(log_probs, y);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
