// LABEL: torch-stray-unsqueeze
// LINE: 32
// RUNTIME: Expected target size [4, 6], got [4, 1, 6]
#include "tagger.h"

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

struct Batch {
  torch::Tensor tokens;  // [B, T]
  torch::Tensor tags;    // [B, T]
};

std::vector<Batch> make_batches(int64_t n_batches, int64_t batch_size, int64_t seq_len,
                                const nlp::TaggerConfig& cfg) {
  std::vector<Batch> out;
  for (int64_t b = 0; b < n_batches; ++b) {
    auto tok = torch::randint(0, cfg.vocab_size, {batch_size, seq_len});
    auto tags = torch::where(tok < 10, torch::zeros_like(tok), tok % (cfg.num_tags - 1) + 1);
    out.push_back({tok, tags});
  }
  return out;
}

float run_epoch(nlp::TokenTagger& model, torch::optim::Optimizer& opt, const std::vector<Batch>& data) {
  float last = 0;
  for (const auto& b : data) {
    auto scores = model->forward(b.tokens).transpose(1, 2);
    auto gold = b.tags.unsqueeze(1);
    auto loss = F::cross_entropy(scores, gold, F::CrossEntropyFuncOptions().ignore_index(0));
    opt.zero_grad();
    loss.backward();
    opt.step();
    last = loss.item<float>();
  }
  return last;
}

int main() {
  torch::manual_seed(0);
  nlp::TaggerConfig cfg;
  cfg.hidden_dim = 16;
  nlp::TokenTagger model(cfg);
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(5e-3));
  auto batches = make_batches(3, 4, 6, cfg);
  for (int e = 0; e < 3; ++e) std::cout << "loss=" << run_epoch(model, opt, batches) << "\n";
}
