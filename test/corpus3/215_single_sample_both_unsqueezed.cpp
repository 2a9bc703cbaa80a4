// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.913446
#include <torch/torch.h>
#include <iostream>

struct SentimentHeadImpl : torch::nn::Module {
  SentimentHeadImpl() : proj(register_module("proj", torch::nn::Linear(10, 3))) {}
  torch::Tensor forward(torch::Tensor v) { return proj(v); }
  torch::nn::Linear proj;
};
TORCH_MODULE(SentimentHead);

int main() {
  torch::manual_seed(0);
  SentimentHead head;
  torch::nn::CrossEntropyLoss ce;
  auto embedding = torch::randn({10});
  int64_t gold = 1;
  auto logits = head(embedding);
  auto target = torch::tensor(gold);
  auto loss = ce(logits.unsqueeze(0), target.unsqueeze(0));
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
