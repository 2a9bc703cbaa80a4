// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 45
// RUNTIME: Expected input batch_size (40) to match target batch_size (36).
#include <torch/torch.h>
#include <iostream>
#include <string>

namespace nn = torch::nn;

struct CharLMImpl : nn::Module {
  CharLMImpl(int64_t vocab, int64_t hidden)
      : embed(register_module("embed", nn::Embedding(vocab, 16))),
        gru(register_module("gru", nn::GRU(nn::GRUOptions(16, hidden).batch_first(true)))),
        head(register_module("head", nn::Linear(hidden, vocab))) {}
  torch::Tensor forward(const torch::Tensor& ids) {
    return head(std::get<0>(gru(embed(ids))));  // [B, T, V]
  }
  nn::Embedding embed;
  nn::GRU gru;
  nn::Linear head;
};
TORCH_MODULE(CharLM);

torch::Tensor encode(const std::string& text, int64_t len) {
  std::vector<int64_t> ids;
  for (int64_t i = 0; i < len; ++i) ids.push_back(text[i % text.size()] - 'a');
  return torch::tensor(ids);
}

int main() {
  torch::manual_seed(0);
  const int64_t V = 26, T = 10;
  auto batch = torch::stack({encode("abcabcabd", T), encode("hellohello", T),
                             encode("zyxwzyxw", T), encode("banana", T)});
  auto inputs = batch;                        // [4, T]
  auto targets = batch.narrow(1, 1, T - 1);   // next characters, [4, T - 1]

  CharLM lm(V, 32);
  nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(lm->parameters(), torch::optim::AdamOptions(0.01));
  torch::Tensor loss;
  for (int step = 0; step < 20; ++step) {
    opt.zero_grad();
    auto logits = lm(inputs);
    loss = criterion(logits.reshape({-1, V}), targets.reshape(-1));
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
