// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 41
// RUNTIME: Expected target size [4, 11], got [4, 6]
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kVocab = 11;
constexpr int64_t kSeqLen = 6;
constexpr int64_t kBatch = 4;

struct CharLMImpl : torch::nn::Module {
  CharLMImpl() {
    embed = register_module("embed", torch::nn::Embedding(kVocab, 16));
    rnn = register_module("rnn", torch::nn::GRU(torch::nn::GRUOptions(16, 32).batch_first(true)));
    decoder = register_module("decoder", torch::nn::Linear(32, kVocab));
  }
  // [B, T] token ids -> [B, T, kVocab] next-token logits
  torch::Tensor forward(const torch::Tensor& tokens) {
    auto out = std::get<0>(rnn(embed(tokens)));
    return decoder(out);
  }
  torch::nn::Embedding embed{nullptr};
  torch::nn::GRU rnn{nullptr};
  torch::nn::Linear decoder{nullptr};
};
TORCH_MODULE(CharLM);

int main() {
  torch::manual_seed(0);
  CharLM lm;
  torch::optim::Adam opt(lm->parameters(), torch::optim::AdamOptions(3e-3));

  auto text = torch::randint(0, kVocab, {kBatch, kSeqLen + 1});
  auto inputs = text.slice(1, 0, kSeqLen);
  auto targets = text.slice(1, 1, kSeqLen + 1);  // [4, 6]

  opt.zero_grad();
  auto logits = lm(inputs);                        // [4, 6, 11]
  auto loss = F::cross_entropy(logits, targets);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
