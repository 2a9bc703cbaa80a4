// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 22
// RUNTIME: Expected input batch_size (9) to match target batch_size (8).
#include <torch/torch.h>
#include <iostream>

struct BigramImpl : torch::nn::Module {
  torch::nn::Embedding table{nullptr};
  explicit BigramImpl(int64_t vocab) { table = register_module("table", torch::nn::Embedding(vocab, vocab)); }
  torch::Tensor forward(const torch::Tensor& ids) { return table(ids); }
};
TORCH_MODULE(Bigram);

int main() {
  torch::manual_seed(0);
  const int64_t vocab = 7;
  auto sequence = torch::randint(0, vocab, {9}, torch::kLong);
  Bigram model(vocab);
  torch::nn::CrossEntropyLoss ce;
  auto logits = model(sequence);
  auto next_tokens = sequence.slice(0, 1);
  auto loss = ce(logits, next_tokens);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
