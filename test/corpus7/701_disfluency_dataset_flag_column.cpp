// LABEL: torch-stray-unsqueeze
// LINE: 63
// RUNTIME: Target size ([4, 6, 1]) must be the same as input size ([4, 6])
#include <torch/torch.h>

#include <iostream>
#include <vector>

// Token-level disfluency detection: is each token a filler ("uh", "um", ...)?
class DisfluencyDataset : public torch::data::datasets::Dataset<DisfluencyDataset> {
 public:
  DisfluencyDataset(int64_t num_utterances, int64_t length, int64_t vocab)
      : tokens_(torch::randint(0, vocab, {num_utterances, length}, torch::kLong)) {
    fillers_ = (tokens_ < 3).to(torch::kFloat);  // ids 0..2 are fillers
  }

  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {tokens_[i], fillers_[i].unsqueeze(-1)};
  }

  torch::optional<size_t> size() const override { return tokens_.size(0); }

 private:
  torch::Tensor tokens_;
  torch::Tensor fillers_;
};

class TokenScorerImpl : public torch::nn::Module {
 public:
  TokenScorerImpl(int64_t vocab, int64_t dim)
      : embedding_(vocab, dim), mix_(torch::nn::Conv1dOptions(dim, dim, 3).padding(1)), out_(dim, 1) {
    register_module("embedding", embedding_);
    register_module("mix", mix_);
    register_module("out", out_);
  }

  torch::Tensor forward(const torch::Tensor& tokens) {
    auto h = embedding_(tokens);                                    // [B, T, D]
    h = torch::relu(mix_(h.transpose(1, 2))).transpose(1, 2);       // [B, T, D]
    return out_(h).squeeze(-1);                                     // [B, T]
  }

 private:
  torch::nn::Embedding embedding_;
  torch::nn::Conv1d mix_;
  torch::nn::Linear out_;
};
TORCH_MODULE(TokenScorer);

int main() {
  torch::manual_seed(0);
  auto loader = torch::data::make_data_loader(
      DisfluencyDataset(16, 6, 20).map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions().batch_size(4));

  TokenScorer scorer(20, 8);
  torch::nn::BCEWithLogitsLoss criterion;
  torch::optim::Adam optimizer(scorer->parameters(), torch::optim::AdamOptions(1e-2));
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (auto& batch : *loader) {
      optimizer.zero_grad();
      auto loss = criterion(scorer(batch.data), batch.target);
      loss.backward();
      optimizer.step();
    }
    std::cout << "epoch " << epoch << " done\n";
  }
  return 0;
}
