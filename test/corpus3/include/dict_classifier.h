#pragma once
#include <torch/torch.h>
#include <string>

struct DictClassifierImpl : torch::nn::Module {
  torch::nn::ModuleDict parts{nullptr};

  DictClassifierImpl(int64_t in, int64_t hidden, int64_t classes) {
    torch::OrderedDict<std::string, std::shared_ptr<torch::nn::Module>> d;
    d.insert("backbone", torch::nn::Sequential(torch::nn::Linear(in, hidden), torch::nn::GELU()).ptr());
    d.insert("classifier", torch::nn::Linear(hidden, classes).ptr());
    d.insert("normalize", torch::nn::Softmax(torch::nn::SoftmaxOptions(-1)).ptr());
    parts = register_module("parts", torch::nn::ModuleDict(d));
  }

  torch::Tensor forward(torch::Tensor x) {
    auto h = parts["backbone"]->as<torch::nn::Sequential>()->forward(x);
    auto z = parts["classifier"]->as<torch::nn::Linear>()->forward(h);
    return parts["normalize"]->as<torch::nn::Softmax>()->forward(z);
  }
};
TORCH_MODULE(DictClassifier);
