#pragma once
#include <torch/torch.h>

// Per-token tagger over pre-computed token features.
// Input [N, in_features] -> tag distribution [N, num_tags].
struct TaggerNetImpl : torch::nn::Module {
  TaggerNetImpl(int64_t in_features, int64_t num_tags)
      : layers(torch::nn::Linear(in_features, 64),
               torch::nn::Tanh(),
               torch::nn::Dropout(0.1),
               torch::nn::Linear(64, num_tags),
               torch::nn::Softmax(torch::nn::SoftmaxOptions(1))) {
    register_module("layers", layers);
  }

  torch::Tensor forward(torch::Tensor features) {
    return layers->forward(features);
  }

  torch::nn::Sequential layers;
};
TORCH_MODULE(TaggerNet);
