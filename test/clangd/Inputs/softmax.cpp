#include <torch/torch.h>

void train() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({8, 10});
  auto probs = torch::softmax(fc(x), 1);
  auto loss = torch::nn::functional::cross_entropy(probs, torch::randint(0, 3, {8}));
  loss.backward();
}
