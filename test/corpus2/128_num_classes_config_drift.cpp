// LABEL: torch-target-out-of-range
// LINE: 31
// RUNTIME: Target 4 is out of bounds.
#include "mlp.h"

#include <iostream>
#include <string>
#include <vector>

struct DataConfig {
  std::vector<std::string> class_names{"cat", "dog", "bird", "fish", "horse"};
  int64_t samples = 40;
  int64_t features = 8;
};

struct ModelConfig {
  int64_t num_classes = 4;
  std::vector<int64_t> hidden{32, 16};
};

class ImageFeatureClassifier {
 public:
  ImageFeatureClassifier(const DataConfig& dc, const ModelConfig& mc)
      : model_(dc.features, mc.hidden, mc.num_classes),
        opt_(model_->parameters(), torch::optim::SGDOptions(0.05).weight_decay(1e-4)),
        criterion_(torch::nn::CrossEntropyLossOptions().weight(torch::ones({mc.num_classes}))) {}

  double step(const torch::Tensor& x, const torch::Tensor& y) {
    opt_.zero_grad();
    auto logits = model_->forward(x);
    auto loss = criterion_(logits, y);
    loss.backward();
    opt_.step();
    return loss.item<double>();
  }

 private:
  MLP model_;
  torch::optim::SGD opt_;
  torch::nn::CrossEntropyLoss criterion_;
};

int main() {
  torch::manual_seed(0);
  DataConfig dc;
  ModelConfig mc;
  const auto n_classes = static_cast<int64_t>(dc.class_names.size());
  auto x = torch::randn({dc.samples, dc.features});
  auto y = torch::randint(0, n_classes, {dc.samples});

  ImageFeatureClassifier clf(dc, mc);
  for (int epoch = 0; epoch < 3; ++epoch) std::cout << "loss=" << clf.step(x, y) << "\n";
}
