// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.64135
#include <torch/torch.h>

#include <iostream>

#include "seq_losses.h"

namespace nn = torch::nn;

constexpr int64_t kVocab = 40;
constexpr int64_t kTags = 6;
constexpr int64_t kPad = -1;

struct TaggerImpl : nn::Module {
  TaggerImpl()
      : embed(register_module("embed", nn::Embedding(kVocab, 12))),
        gru(register_module("gru", nn::GRU(nn::GRUOptions(12, 16).batch_first(true)))),
        out(register_module("out", nn::Linear(16, kTags))) {}
  torch::Tensor forward(const torch::Tensor& tokens) {
    auto states = std::get<0>(gru(embed(tokens)));  // [B, T, 16]
    return out(states);                              // [B, T, kTags]
  }
  nn::Embedding embed;
  nn::GRU gru;
  nn::Linear out;
};
TORCH_MODULE(Tagger);

int main() {
  torch::manual_seed(0);
  auto tokens = torch::randint(1, kVocab, {3, 7});
  auto tags = torch::randint(0, kTags, {3, 7});
  tags[1].narrow(0, 5, 2).fill_(kPad);
  tags[2].narrow(0, 4, 3).fill_(kPad);

  Tagger tagger;
  torch::optim::Adam opt(tagger->parameters(), 1e-2);
  torch::Tensor loss, emissions;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    emissions = tagger->forward(tokens);
    loss = seq_losses::token_cross_entropy(emissions, tags, kPad);
    loss.backward();
    opt.step();
  }
  auto decoded = emissions.detach().softmax(-1).argmax(-1);
  auto valid = tags.ne(kPad);
  auto acc = decoded.eq(tags).logical_and(valid).sum().item<float>() / valid.sum().item<float>();
  std::cout << "token accuracy=" << acc << "\n";
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
