// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 48
// RUNTIME: ran, loss=0.755796
#include <torch/torch.h>

#include <iostream>
#include <utility>
#include <vector>

struct DefectOutput {
  torch::Tensor logits;  // [N]
  torch::Tensor probs;   // [N]
};

class DefectDetectorImpl : public torch::nn::Module {
 public:
  DefectDetectorImpl()
      : features_(torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 6, 3).padding(1)),
                  torch::nn::ReLU(), torch::nn::AdaptiveAvgPool2d(1), torch::nn::Flatten()),
        head_(6, 1) {
    register_module("features", features_);
    register_module("head", head_);
  }

  DefectOutput forward(const torch::Tensor& images) {
    auto logits = head_(features_->forward(images)).squeeze(1);
    return {logits, torch::sigmoid(logits)};
  }

 private:
  torch::nn::Sequential features_;
  torch::nn::Linear head_;
};
TORCH_MODULE(DefectDetector);

class DefectTrainer {
 public:
  DefectTrainer(DefectDetector model, double pos_weight)
      : model_(std::move(model)),
        criterion_(torch::nn::BCEWithLogitsLossOptions().pos_weight(torch::full({1}, pos_weight))),
        optimizer_(model_->parameters(), torch::optim::AdamOptions(2e-2)) {}

  double fit_epoch(const std::vector<std::pair<torch::Tensor, torch::Tensor>>& batches) {
    double total = 0.0;
    for (const auto& [images, defective] : batches) {
      optimizer_.zero_grad();
      auto out = model_->forward(images);
      auto loss = criterion_(out.probs, defective);
      loss.backward();
      optimizer_.step();
      total += loss.item<double>();
    }
    return total / batches.size();
  }

 private:
  DefectDetector model_;
  torch::nn::BCEWithLogitsLoss criterion_;
  torch::optim::Adam optimizer_;
};

int main() {
  torch::manual_seed(0);
  std::vector<std::pair<torch::Tensor, torch::Tensor>> batches;
  for (int b = 0; b < 4; ++b) {
    auto images = torch::rand({8, 1, 10, 10});
    auto defective = (torch::arange(8) % 4 == 0).to(torch::kFloat);
    // scratches are bright
    images.index_put_({defective.to(torch::kBool)}, images.index({defective.to(torch::kBool)}) + 1.5);
    batches.emplace_back(images, defective);
  }
  DefectTrainer trainer(DefectDetector(), /*pos_weight=*/3.0);
  double loss = 0.0;
  for (int epoch = 0; epoch < 40; ++epoch) {
    loss = trainer.fit_epoch(batches);
  }
  std::cout << "final loss=" << loss << "\n";
  return 0;
}
