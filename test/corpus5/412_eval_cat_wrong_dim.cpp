// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 24
// RUNTIME: Expected input batch_size (4) to match target batch_size (12).
#include <torch/torch.h>

#include <iostream>
#include <utility>
#include <vector>

using Batch = std::pair<torch::Tensor, torch::Tensor>;

constexpr int64_t kClasses = 3;

double validate(torch::nn::Sequential& model, const std::vector<Batch>& loader) {
  torch::NoGradGuard no_grad;
  model->eval();
  std::vector<torch::Tensor> all_logits, all_labels;
  for (const Batch& batch : loader) {
    all_logits.push_back(model->forward(batch.first));
    all_labels.push_back(batch.second);
  }
  auto logits = torch::cat(all_logits, /*dim=*/1);
  auto labels = torch::cat(all_labels);
  auto loss = torch::nn::functional::cross_entropy(logits, labels);
  return loss.item<double>();
}

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(torch::nn::Linear(7, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, kClasses));
  std::vector<Batch> val_loader;
  for (int i = 0; i < 3; ++i) {
    val_loader.emplace_back(torch::randn({4, 7}), torch::randint(0, kClasses, {4}));
  }
  std::cout << "loss=" << validate(model, val_loader) << std::endl;
}
