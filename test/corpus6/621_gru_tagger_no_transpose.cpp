// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 41
// RUNTIME: Expected target size [2, 5], got [2, 6]
#include <torch/torch.h>

#include <iostream>

// Part-of-speech tagger: one tag per token.
enum Tag : int64_t { NOUN, VERB, ADJ, DET, PUNCT, kNumTags };

struct PosTaggerImpl : torch::nn::Module {
  PosTaggerImpl(int64_t vocab, int64_t hidden) {
    words = register_module("words", torch::nn::Embedding(vocab, hidden));
    encoder = register_module(
        "encoder",
        torch::nn::GRU(torch::nn::GRUOptions(hidden, hidden).batch_first(true).bidirectional(true)));
    emit = register_module("emit", torch::nn::Linear(2 * hidden, kNumTags));
  }
  torch::Tensor forward(const torch::Tensor& sentence_ids) {
    auto [states, last] = encoder(words(sentence_ids));
    (void)last;
    return emit(states);  // [B, T, kNumTags]
  }
  torch::nn::Embedding words{nullptr};
  torch::nn::GRU encoder{nullptr};
  torch::nn::Linear emit{nullptr};
};
TORCH_MODULE(PosTagger);

int main() {
  torch::manual_seed(0);
  PosTagger tagger(100, 8);
  auto ids = torch::randint(0, 100, {2, 6});
  auto gold = torch::tensor({{DET, ADJ, NOUN, VERB, NOUN, PUNCT},
                             {NOUN, VERB, DET, NOUN, PUNCT, PUNCT}},
                            torch::kLong);  // [B, T]

  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(tagger->parameters(), 0.01);
  auto emissions = tagger(ids);
  auto loss = criterion(emissions, gold);
  opt.zero_grad();
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
