// LABEL: torch-softmax-before-nll-loss
// LINE: 39
// RUNTIME: ran, loss=-0.106329
#include <torch/torch.h>
#include <iostream>

#include "tagger_net.h"

constexpr int64_t kTokens = 48;
constexpr int64_t kFeatures = 20;
constexpr int64_t kNumTags = 9;  // BIO tags

class TokenDataset : public torch::data::datasets::Dataset<TokenDataset> {
 public:
  TokenDataset()
      : feats_(torch::randn({kTokens, kFeatures})),
        tags_(torch::randint(0, kNumTags, {kTokens})) {}
  torch::data::Example<> get(size_t i) override { return {feats_[i], tags_[i]}; }
  torch::optional<size_t> size() const override { return kTokens; }

 private:
  torch::Tensor feats_, tags_;
};

int main() {
  torch::manual_seed(0);
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      TokenDataset().map(torch::data::transforms::Stack<>()), 16);

  TaggerNet tagger(kFeatures, kNumTags);
  torch::nn::NLLLoss criterion(torch::nn::NLLLossOptions().reduction(torch::kMean));
  torch::optim::Adam opt(tagger->parameters(), torch::optim::AdamOptions(1e-3));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (auto& batch : *loader) {
      opt.zero_grad();
      auto tag_scores = tagger->forward(batch.data);
      loss = criterion(tag_scores, batch.target);
      loss.backward();
      opt.step();
    }
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
