#pragma once
#include <torch/torch.h>

// Small fully-connected classifier used by the demo programs.
struct TinyClassifierImpl : torch::nn::Module {
  TinyClassifierImpl(int64_t in_features, int64_t hidden, int64_t num_classes)
      : fc1(register_module("fc1", torch::nn::Linear(in_features, hidden))),
        fc2(register_module("fc2", torch::nn::Linear(hidden, num_classes))) {}

  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1(x));
    x = fc2(x);
    return torch::softmax(x, /*dim=*/1);
  }

  torch::nn::Linear fc1, fc2;
};
TORCH_MODULE(TinyClassifier);
