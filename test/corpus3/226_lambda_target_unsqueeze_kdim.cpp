// LABEL: torch-stray-unsqueeze
// LINE: 17
// RUNTIME: Expected target size [2, 5], got [2, 5, 1]
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  const int64_t vocab = 6, batch = 2, steps = 5;
  torch::nn::Conv1d lm(torch::nn::Conv1dOptions(4, vocab, 1));
  torch::nn::CrossEntropyLoss crit;
  auto tokens = torch::randint(0, vocab, {batch, steps}, torch::kLong);
  auto feats = torch::randn({batch, 4, steps});

  auto to_target = [](const torch::Tensor& t) { return t.unsqueeze(-1).contiguous(); };
  auto logits = lm(feats);
  auto loss = crit(logits, to_target(tokens));
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
