// Models of a project header, trained in two-file.cpp: the analysis must
// follow their constructors and forward() across the include.
#ifndef TWO_FILE_MODEL_H
#define TWO_FILE_MODEL_H

#include <torch/torch.h>

// A classifier: forward() returns raw scores [N, classes]; predict() returns
// probabilities, for inference.
struct TwoFileNetImpl : torch::nn::Module {
  TwoFileNetImpl(int64_t in, int64_t classes) {
    body = register_module(
        "body", torch::nn::Sequential(torch::nn::Linear(in, 32), torch::nn::ReLU(),
                                      torch::nn::Linear(32, classes)));
  }
  torch::Tensor forward(const torch::Tensor &x) { return body->forward(x); }
  torch::Tensor predict(const torch::Tensor &x) {
    return torch::softmax(forward(x), 1);
  }
  torch::nn::Sequential body{nullptr};
};
TORCH_MODULE(TwoFileNet);

// A multi-label head whose forward() ends in a sigmoid.
struct TaggerHeadImpl : torch::nn::Module {
  TaggerHeadImpl(int64_t in, int64_t tags)
      : fc(register_module("fc", torch::nn::Linear(in, tags))) {}
  torch::Tensor forward(const torch::Tensor &x) { return torch::sigmoid(fc(x)); }
  torch::nn::Linear fc;
};
TORCH_MODULE(TaggerHead);

#endif // TWO_FILE_MODEL_H
