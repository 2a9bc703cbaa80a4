#pragma once
#include <torch/torch.h>

// A model whose forward ends in a softmax, defined in its header.
struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl() : fc(register_module("fc", torch::nn::Linear(10, 3))) {}
  torch::Tensor forward(torch::Tensor x) { return torch::softmax(fc(x), 1); }
  torch::nn::Linear fc;
};
TORCH_MODULE(Classifier);
