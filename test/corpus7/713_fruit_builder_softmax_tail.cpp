// LABEL: torch-softmax-before-cross-entropy
// LINE: 58
// RUNTIME: ran, loss=0.887955
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

enum Fruit : int64_t { kApple, kBanana, kCherry, kFruitCount };

struct SpectrumConfig {
  int64_t bands = 10;
  int64_t hidden = 24;
  int64_t samples_per_fruit = 30;
};

// The exported model is consumed by the sorting machine, which expects a
// distribution over fruit kinds.
torch::nn::Sequential make_classifier(const SpectrumConfig& cfg) {
  torch::nn::Sequential seq;
  seq->push_back("fc1", torch::nn::Linear(cfg.bands, cfg.hidden));
  seq->push_back("act1", torch::nn::Tanh());
  seq->push_back("fc2", torch::nn::Linear(cfg.hidden, kFruitCount));
  seq->push_back("norm", torch::nn::Softmax(torch::nn::SoftmaxOptions(1)));
  return seq;
}

torch::Tensor reflectance(Fruit kind, int64_t count, int64_t bands) {
  auto base = torch::linspace(0.0, 1.0, bands) * (static_cast<double>(kind) + 1.0);
  return base.unsqueeze(0).repeat({count, 1}) + 0.2 * torch::randn({count, bands});
}

int main() {
  torch::manual_seed(0);
  SpectrumConfig cfg;
  std::vector<torch::Tensor> xs;
  std::vector<torch::Tensor> ys;
  for (int64_t k = kApple; k < kFruitCount; ++k) {
    xs.push_back(reflectance(static_cast<Fruit>(k), cfg.samples_per_fruit, cfg.bands));
    ys.push_back(torch::full({cfg.samples_per_fruit}, k, torch::kLong));
  }
  auto perm = torch::randperm(cfg.samples_per_fruit * kFruitCount);
  auto features = torch::cat(xs).index_select(0, perm);
  auto labels = torch::cat(ys).index_select(0, perm);

  auto model = make_classifier(cfg);
  torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.5).momentum(0.9));

  double epoch_loss = 0.0;
  for (int epoch = 0; epoch < 50; ++epoch) {
    auto feature_chunks = features.chunk(4);
    auto label_chunks = labels.chunk(4);
    epoch_loss = 0.0;
    for (size_t i = 0; i < feature_chunks.size(); ++i) {
      optimizer.zero_grad();
      auto loss = F::cross_entropy(model->forward(feature_chunks[i]), label_chunks[i],
                                   F::CrossEntropyFuncOptions().reduction(torch::kMean));
      loss.backward();
      optimizer.step();
      epoch_loss += loss.item<double>() / feature_chunks.size();
    }
  }
  std::cout << "final loss=" << epoch_loss << "\n";
  return 0;
}
