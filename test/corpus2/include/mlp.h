#pragma once
#include <torch/torch.h>

#include <vector>

// Plain multi-layer perceptron producing raw logits.
class MLPImpl : public torch::nn::Module {
 public:
  MLPImpl(int64_t in_features, std::vector<int64_t> hidden, int64_t out_features,
          double dropout = 0.0)
      : dropout_(dropout) {
    int64_t prev = in_features;
    for (auto h : hidden) {
      layers_->push_back(torch::nn::Linear(prev, h));
      prev = h;
    }
    head_ = torch::nn::Linear(prev, out_features);
    register_module("layers", layers_);
    register_module("head", head_);
  }

  torch::Tensor forward(torch::Tensor x) {
    for (auto& layer : *layers_) {
      x = torch::relu(layer->as<torch::nn::Linear>()->forward(x));
      if (dropout_ > 0) x = torch::dropout(x, dropout_, is_training());
    }
    return head_->forward(x);
  }

 private:
  double dropout_;
  torch::nn::ModuleList layers_;
  torch::nn::Linear head_{nullptr};
};
TORCH_MODULE(MLP);
