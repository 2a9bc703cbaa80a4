// LABEL: torch-float-class-target
// LINE: 31
// RUNTIME: expected scalar type Long but found Int
#include <torch/torch.h>
#include <iostream>

struct SentimentHeadImpl : torch::nn::Module {
  explicit SentimentHeadImpl(int64_t dim) {
    proj = register_module("proj", torch::nn::Linear(dim, dim));
    cls = register_module("cls", torch::nn::Linear(dim, 3));  // neg / neutral / pos
  }
  torch::Tensor forward(torch::Tensor sentence_emb) {
    return cls(torch::tanh(proj(sentence_emb)));
  }
  torch::nn::Linear proj{nullptr}, cls{nullptr};
};
TORCH_MODULE(SentimentHead);

int main() {
  torch::manual_seed(0);
  SentimentHead head(24);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::AdamW opt(head->parameters(), torch::optim::AdamWOptions(1e-3));

  auto embeddings = torch::randn({6, 24});
  // Stored compactly as int32 ids (0 = neg, 1 = neutral, 2 = pos).
  auto sentiment = torch::tensor({2, 0, 1, 1, 2, 0}, torch::kInt32);

  opt.zero_grad();
  auto logits = head(embeddings);
  auto loss = criterion(logits, sentiment);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
