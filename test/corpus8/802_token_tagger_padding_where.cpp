// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.0360664
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

constexpr int64_t kVocab = 30;
constexpr int64_t kTags = 5;
constexpr int64_t kIgnore = -100;

struct TokenTaggerImpl : nn::Module {
  TokenTaggerImpl()
      : embed(register_module("embed", nn::Embedding(kVocab, 12))),
        proj(register_module("proj", nn::Linear(12, kTags))) {}
  torch::Tensor forward(const torch::Tensor& tokens) {
    return proj(torch::relu(embed(tokens)));  // [B, T, kTags]
  }
  nn::Embedding embed;
  nn::Linear proj;
};
TORCH_MODULE(TokenTagger);

int main() {
  torch::manual_seed(0);
  const int64_t B = 6, T = 9;
  auto tokens = torch::randint(1, kVocab, {B, T});
  auto lengths = torch::tensor({9, 7, 5, 9, 3, 6});
  auto positions = torch::arange(T).unsqueeze(0).expand({B, T});
  auto pad = positions >= lengths.unsqueeze(1);
  tokens.masked_fill_(pad, 0);

  // Gold tags: a function of the token; padding is -1 in the raw data.
  auto raw_tags = torch::where(pad, torch::full_like(tokens, -1), tokens % kTags);
  // Map the raw padding marker to the loss's ignore index.
  auto tags = torch::where(raw_tags < 0, torch::full_like(raw_tags, kIgnore), raw_tags);

  TokenTagger tagger;
  torch::optim::Adam opt(tagger->parameters(), torch::optim::AdamOptions(0.05));
  torch::Tensor loss;
  for (int step = 0; step < 30; ++step) {
    opt.zero_grad();
    auto emissions = tagger(tokens);
    loss = F::cross_entropy(emissions.view({-1, kTags}), tags.view(-1),
                            F::CrossEntropyFuncOptions().ignore_index(kIgnore));
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
