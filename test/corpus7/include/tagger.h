#pragma once

#include <torch/torch.h>

// Token tagger shared by the NER and chunking experiments. forward() is
// defined by each experiment (they differ in the output layout they use).

struct TaggerConfig {
  int64_t vocab_size = 50;
  int64_t embed_dim = 16;
  int64_t hidden = 24;
  int64_t num_tags = 5;
};

class SequenceTaggerImpl : public torch::nn::Module {
 public:
  explicit SequenceTaggerImpl(const TaggerConfig& cfg);

  // tokens: [B, T] int64
  torch::Tensor forward(const torch::Tensor& tokens);

  const TaggerConfig& config() const { return cfg_; }

 protected:
  TaggerConfig cfg_;
  torch::nn::Embedding embed_{nullptr};
  torch::nn::LSTM lstm_{nullptr};
  torch::nn::Linear proj_{nullptr};
};
TORCH_MODULE(SequenceTagger);

inline SequenceTaggerImpl::SequenceTaggerImpl(const TaggerConfig& cfg) : cfg_(cfg) {
  embed_ = register_module("embed", torch::nn::Embedding(cfg.vocab_size, cfg.embed_dim));
  lstm_ = register_module(
      "lstm", torch::nn::LSTM(torch::nn::LSTMOptions(cfg.embed_dim, cfg.hidden).batch_first(true)));
  proj_ = register_module("proj", torch::nn::Linear(cfg.hidden, cfg.num_tags));
}

// Random token/tag batches with per-sentence lengths; positions past the
// length are filled with `pad_tag`.
struct TaggedBatch {
  torch::Tensor tokens;  // [B, T]
  torch::Tensor tags;    // [B, T]
};

inline TaggedBatch make_tagged_batch(const TaggerConfig& cfg, int64_t batch, int64_t max_len,
                                     int64_t pad_tag) {
  auto tokens = torch::randint(1, cfg.vocab_size, {batch, max_len}, torch::kLong);
  auto tags = tokens.remainder(cfg.num_tags);
  for (int64_t b = 0; b < batch; ++b) {
    int64_t len = max_len - (b % 3);
    if (len < max_len) {
      tokens.index_put_({b, torch::indexing::Slice(len)}, 0);
      tags.index_put_({b, torch::indexing::Slice(len)}, pad_tag);
    }
  }
  return {tokens, tags};
}
