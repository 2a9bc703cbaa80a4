#pragma once
#include <torch/torch.h>

namespace nlp {

struct TaggerConfig {
  int64_t vocab_size = 50;
  int64_t embed_dim = 16;
  int64_t hidden_dim = 24;
  int64_t num_tags = 5;
};

// Token tagger. forward() returns emission scores of shape [batch, seq_len, num_tags].
class TokenTaggerImpl : public torch::nn::Module {
 public:
  explicit TokenTaggerImpl(const TaggerConfig& cfg);
  torch::Tensor forward(const torch::Tensor& tokens);
  int64_t num_tags() const { return num_tags_; }

 private:
  int64_t num_tags_;
  torch::nn::Embedding embed_{nullptr};
  torch::nn::GRU rnn_{nullptr};
  torch::nn::Linear proj_{nullptr};
};
TORCH_MODULE(TokenTagger);

inline TokenTaggerImpl::TokenTaggerImpl(const TaggerConfig& cfg)
    : num_tags_(cfg.num_tags) {
  embed_ = register_module("embed", torch::nn::Embedding(cfg.vocab_size, cfg.embed_dim));
  rnn_ = register_module(
      "rnn", torch::nn::GRU(torch::nn::GRUOptions(cfg.embed_dim, cfg.hidden_dim).batch_first(true)));
  proj_ = register_module("proj", torch::nn::Linear(cfg.hidden_dim, cfg.num_tags));
}

inline torch::Tensor TokenTaggerImpl::forward(const torch::Tensor& tokens) {
  auto h = embed_->forward(tokens);
  auto out = std::get<0>(rnn_->forward(h));
  return proj_->forward(out);
}

}  // namespace nlp
