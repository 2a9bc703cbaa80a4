#pragma once

#include <torch/torch.h>

// Shared classification heads used by the tabular and embedding experiments.

struct ClassifierHeadOptions {
  int64_t in_features = 16;
  int64_t num_classes = 2;
  double dropout = 0.1;
  // Normalised scores are what the serving code consumes.
  bool normalize = false;
};

class ClassifierHeadImpl : public torch::nn::Module {
 public:
  explicit ClassifierHeadImpl(const ClassifierHeadOptions& opts) : opts_(opts) {
    hidden_ = register_module("hidden", torch::nn::Linear(opts.in_features, opts.in_features));
    drop_ = register_module("drop", torch::nn::Dropout(opts.dropout));
    out_ = register_module("out", torch::nn::Linear(opts.in_features, opts.num_classes));
  }

  torch::Tensor forward(const torch::Tensor& features) {
    auto h = drop_(torch::relu(hidden_(features)));
    auto scores = out_(h);
    if (opts_.normalize) {
      return torch::softmax(scores, /*dim=*/-1);
    }
    return scores;
  }

  const ClassifierHeadOptions& options() const { return opts_; }

 private:
  ClassifierHeadOptions opts_;
  torch::nn::Linear hidden_{nullptr};
  torch::nn::Linear out_{nullptr};
  torch::nn::Dropout drop_{nullptr};
};
TORCH_MODULE(ClassifierHead);

// A two-layer MLP trunk returning features, shared by several heads.
inline torch::nn::Sequential make_trunk(int64_t in_features, int64_t width) {
  return torch::nn::Sequential(
      torch::nn::Linear(in_features, width),
      torch::nn::ReLU(),
      torch::nn::Linear(width, width),
      torch::nn::ReLU());
}
