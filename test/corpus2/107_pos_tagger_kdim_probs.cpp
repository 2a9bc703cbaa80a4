// LABEL: torch-softmax-before-cross-entropy
// LINE: 42
// RUNTIME: ran, loss=1.19444
#include "tagger.h"

#include <iostream>

// Toy corpus: the tag of a token is (token_id % num_tags).
class ToyTagCorpus : public torch::data::datasets::Dataset<ToyTagCorpus> {
 public:
  ToyTagCorpus(int64_t n_sentences, int64_t length, int64_t vocab, int64_t num_tags) {
    tokens_ = torch::randint(1, vocab, {n_sentences, length}, torch::kLong);
    tags_ = tokens_.remainder(num_tags);
  }
  torch::data::Example<> get(size_t i) override {
    return {tokens_[static_cast<int64_t>(i)], tags_[static_cast<int64_t>(i)]};
  }
  torch::optional<size_t> size() const override { return tokens_.size(0); }

 private:
  torch::Tensor tokens_, tags_;
};

int main() {
  torch::manual_seed(0);
  nlp::TaggerConfig cfg;
  cfg.num_tags = 4;
  nlp::TokenTagger tagger(cfg);

  auto loader = torch::data::make_data_loader(
      ToyTagCorpus(48, 7, cfg.vocab_size, cfg.num_tags).map(torch::data::transforms::Stack<>()),
      /*batch_size=*/12);

  torch::optim::Adam optim(tagger->parameters(), torch::optim::AdamOptions(1e-2));
  torch::nn::CrossEntropyLoss token_loss;

  float last = 0;
  for (int epoch = 0; epoch < 4; ++epoch) {
    for (auto& batch : *loader) {
      auto emissions = tagger->forward(batch.data);            // [B, T, C]
      auto tag_probs = emissions.permute({0, 2, 1}).softmax(1);  // [B, C, T]
      auto loss = token_loss->forward(tag_probs, batch.target);
      optim.zero_grad();
      loss.backward();
      optim.step();
      last = loss.item<float>();
    }
    std::cout << "epoch " << epoch << " loss=" << last << "\n";
  }
  return 0;
}
