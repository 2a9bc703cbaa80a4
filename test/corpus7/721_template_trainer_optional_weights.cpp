// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.46779
#include <torch/torch.h>

#include <functional>
#include <iostream>
#include <optional>
#include <utility>

namespace F = torch::nn::functional;

// Document layout: per-document type (invoice, receipt, letter) plus a
// per-region "contains handwriting" mask over 4x4 regions.
class LayoutNetImpl : public torch::nn::Module {
 public:
  explicit LayoutNetImpl(int64_t types) {
    encoder_ = register_module("encoder",
                               torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 8, 3).padding(1)));
    region_ = register_module("region", torch::nn::Conv2d(torch::nn::Conv2dOptions(8, 1, 1)));
    type_ = register_module("type", torch::nn::Linear(8, types));
  }

  std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& page) {
    auto h = torch::relu(encoder_(page));                     // [B, 8, 4, 4]
    auto regions = region_(h).squeeze(1);                     // [B, 4, 4]
    auto types = type_(h.mean({2, 3}));                       // [B, types]
    return {types, regions};
  }

 private:
  torch::nn::Conv2d encoder_{nullptr};
  torch::nn::Conv2d region_{nullptr};
  torch::nn::Linear type_{nullptr};
};
TORCH_MODULE(LayoutNet);

template <typename Model>
class MultiTaskTrainer {
 public:
  using Metric = std::function<double(const torch::Tensor&, const torch::Tensor&)>;

  MultiTaskTrainer(Model model, std::optional<torch::Tensor> type_weights, Metric metric)
      : model_(std::move(model)),
        type_weights_(std::move(type_weights)),
        metric_(std::move(metric)),
        optimizer_(model_->parameters(), torch::optim::AdamOptions(1e-2)) {}

  double step(const torch::Tensor& pages, const torch::Tensor& doc_type,
              const torch::Tensor& handwriting) {
    optimizer_.zero_grad();
    auto [type_logits, region_logits] = model_->forward(pages);
    auto ce_options = F::CrossEntropyFuncOptions();
    if (type_weights_) {
      ce_options.weight(*type_weights_);
    }
    auto type_loss = F::cross_entropy(type_logits, doc_type, ce_options);
    auto region_loss = F::binary_cross_entropy_with_logits(region_logits, handwriting);
    torch::Tensor loss = type_loss + region_loss;
    loss.backward();
    optimizer_.step();
    last_metric_ = metric_(type_logits.detach(), doc_type);
    return loss.item<double>();
  }

  double last_metric() const { return last_metric_; }

 private:
  Model model_;
  std::optional<torch::Tensor> type_weights_;
  Metric metric_;
  torch::optim::Adam optimizer_;
  double last_metric_ = 0.0;
};

int main() {
  torch::manual_seed(0);
  const int64_t pages = 12, types = 3;
  auto images = torch::randn({pages, 1, 4, 4});
  auto doc_type = torch::arange(pages, torch::kLong).remainder(types);
  auto handwriting = (images.squeeze(1) > 0.5).to(torch::kFloat);

  auto accuracy = [](const torch::Tensor& logits, const torch::Tensor& target) {
    return logits.argmax(1).eq(target).to(torch::kFloat).mean().item<double>();
  };
  MultiTaskTrainer<LayoutNet> trainer(LayoutNet(types), torch::tensor({1.0, 2.0, 1.0}), accuracy);
  double loss = 0.0;
  for (int epoch = 0; epoch < 25; ++epoch) {
    loss = trainer.step(images, doc_type, handwriting);
  }
  std::cout << "acc " << trainer.last_metric() << "\n";
  std::cout << "final loss=" << loss << "\n";
  return 0;
}
