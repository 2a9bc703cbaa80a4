// LABEL: torch-target-out-of-range
// LINE: 62
// RUNTIME: Target 4 is out of bounds.
#include <torch/torch.h>

#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "train_utils.h"

// Review sentiment. The output layer size comes from the v1 label set.
struct SentimentConfig {
  static constexpr int64_t kNumClasses = 4;
  static constexpr int64_t kFeatureDim = 9;
};

const std::map<std::string, int64_t> kSentimentIds = {
    {"negative", 0}, {"neutral", 1}, {"positive", 2}, {"mixed", 3}, {"sarcastic", 4}};

std::pair<torch::Tensor, torch::Tensor> featurize(
    const std::vector<std::pair<std::string, std::string>>& reviews) {
  std::vector<torch::Tensor> rows;
  std::vector<int64_t> ids;
  for (const auto& [text, sentiment] : reviews) {
    auto row = torch::zeros({SentimentConfig::kFeatureDim});
    for (char c : text) {
      row[static_cast<unsigned char>(c) % SentimentConfig::kFeatureDim] += 1.0;
    }
    rows.push_back(row / static_cast<double>(text.size()));
    ids.push_back(kSentimentIds.at(sentiment));
  }
  return {torch::stack(rows), torch::tensor(ids)};
}

int main() {
  torch::manual_seed(0);
  std::vector<std::pair<std::string, std::string>> reviews = {
      {"great phone, love it", "positive"},
      {"battery died in a day", "negative"},
      {"it is a phone", "neutral"},
      {"screen great, battery bad", "mixed"},
      {"oh sure, best purchase ever", "sarcastic"},
      {"works as expected", "neutral"},
      {"terrible support", "negative"},
      {"fantastic camera", "positive"}};
  auto [features, sentiment] = featurize(reviews);

  torch::nn::Sequential model(torch::nn::Linear(SentimentConfig::kFeatureDim, 16),
                              torch::nn::ReLU(),
                              torch::nn::Linear(16, SentimentConfig::kNumClasses),
                              torch::nn::LogSoftmax(1));
  torch::nn::NLLLoss criterion;
  OptimConfig cfg;
  cfg.epochs = 6;
  auto optimizer = make_adam(*model, cfg);
  LossMeter meter;
  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {
    optimizer.zero_grad();
    auto loss = criterion(model->forward(features), sentiment);
    loss.backward();
    optimizer.step();
    meter.add(loss, features.size(0));
  }
  std::cout << "done " << meter.mean() << "\n";
  return 0;
}
