#pragma once
#include <torch/torch.h>

namespace models {

struct ClassifierOptions {
  ClassifierOptions(int64_t in, int64_t classes) : in_features_(in), num_classes_(classes) {}
  TORCH_ARG(int64_t, in_features);
  TORCH_ARG(int64_t, num_classes);
  TORCH_ARG(int64_t, hidden) = 32;
};

class ClassifierImpl : public torch::nn::Module {
 public:
  explicit ClassifierImpl(const ClassifierOptions& opts);
  torch::Tensor forward(torch::Tensor x);

 private:
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  torch::nn::BatchNorm1d bn{nullptr};
};
TORCH_MODULE(Classifier);

}  // namespace models
