// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=7.11336
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  const int64_t C = 4;
  torch::nn::Linear fc(6, C);
  torch::nn::CrossEntropyLoss loss_fn(torch::nn::CrossEntropyLossOptions().reduction(torch::kSum));

  auto x = torch::randn({5, 6});
  auto y = torch::randint(0, C, {5}, torch::kLong);
  auto idx = y.unsqueeze(1);
  auto onehot = torch::zeros({5, C}).scatter_(1, idx, 1.0);
  auto logits = fc(x);
  auto margin = (logits * onehot).sum(1);
  auto loss = loss_fn(logits, idx.squeeze(1));
  std::cout << "margin=" << margin.mean().item<float>() << std::endl;
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
