#pragma once
#include <torch/torch.h>

// Small MLP for 8x8 digit images. Member functions are defined by the program.
class DigitMLPImpl : public torch::nn::Module {
 public:
  static const int64_t kNumDigits = 10;

  explicit DigitMLPImpl(int64_t in_features);
  torch::Tensor forward(torch::Tensor x);
  torch::Tensor predict_proba(torch::Tensor x);

 private:
  torch::nn::Linear fc1_{nullptr};
  torch::nn::Linear fc2_{nullptr};
};
TORCH_MODULE(DigitMLP);
