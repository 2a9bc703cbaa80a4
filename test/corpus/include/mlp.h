#pragma once
#include <torch/torch.h>

namespace demo {

struct MLPImpl : torch::nn::Module {
  torch::nn::Linear in{nullptr}, out{nullptr};
  torch::nn::Dropout drop{nullptr};

  MLPImpl(int64_t d_in, int64_t d_hidden, int64_t d_out) {
    in = register_module("in", torch::nn::Linear(d_in, d_hidden));
    drop = register_module("drop", torch::nn::Dropout(0.1));
    out = register_module("out", torch::nn::Linear(d_hidden, d_out));
  }

  torch::Tensor forward(torch::Tensor x) {
    x = torch::gelu(in->forward(x));
    x = drop->forward(x);
    return out->forward(x);
  }
};
TORCH_MODULE(MLP);

}  // namespace demo
