// LABEL: torch-target-out-of-range
// LINE: 50
// RUNTIME: Target -1 is out of bounds.
#include "tagger.h"

#include <algorithm>
#include <iostream>
#include <vector>

constexpr int64_t PAD_TOKEN = 0;
constexpr int64_t PAD_TAG = -1;

struct Sentence {
  std::vector<int64_t> tokens;
  std::vector<int64_t> tags;
};

// Pads a list of variable-length sentences into [B, maxlen] tensors.
std::pair<torch::Tensor, torch::Tensor> collate(const std::vector<Sentence>& batch) {
  size_t maxlen = 0;
  for (const auto& s : batch) maxlen = std::max(maxlen, s.tokens.size());
  const auto B = static_cast<int64_t>(batch.size());
  auto tokens = torch::full({B, static_cast<int64_t>(maxlen)}, PAD_TOKEN);
  auto tags = torch::full({B, static_cast<int64_t>(maxlen)}, PAD_TAG);
  for (int64_t b = 0; b < B; ++b) {
    const auto& s = batch[b];
    for (size_t t = 0; t < s.tokens.size(); ++t) {
      tokens[b][t] = s.tokens[t];
      tags[b][t] = s.tags[t];
    }
  }
  return {tokens, tags};
}

int main() {
  torch::manual_seed(0);
  std::vector<Sentence> corpus = {
      {{4, 8, 15, 16}, {1, 0, 2, 0}},
      {{23, 42}, {3, 1}},
      {{7, 9, 11}, {0, 0, 4}},
  };
  nlp::TaggerConfig cfg;
  nlp::TokenTagger tagger(cfg);
  torch::optim::Adam opt(tagger->parameters(), torch::optim::AdamOptions(1e-2));
  torch::nn::CrossEntropyLoss ce(torch::nn::CrossEntropyLossOptions().reduction(torch::kMean));

  auto [tokens, tags] = collate(corpus);
  for (int epoch = 0; epoch < 5; ++epoch) {
    auto emissions = tagger->forward(tokens);
    auto loss = ce(emissions.reshape({-1, cfg.num_tags}), tags.reshape({-1}));
    opt.zero_grad();
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
