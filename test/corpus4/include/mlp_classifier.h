#pragma once
#include <torch/torch.h>

// Two-layer MLP classifier. forward() returns class probabilities so that
// callers can read confidences directly.
struct MLPClassifierImpl : torch::nn::Module {
  MLPClassifierImpl(int64_t in_features, int64_t hidden, int64_t num_classes)
      : fc1(register_module("fc1", torch::nn::Linear(in_features, hidden))),
        fc2(register_module("fc2", torch::nn::Linear(hidden, num_classes))) {}

  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1->forward(x));
    return torch::softmax(fc2->forward(x), /*dim=*/1);
  }

  torch::nn::Linear fc1;
  torch::nn::Linear fc2;
};
TORCH_MODULE(MLPClassifier);
