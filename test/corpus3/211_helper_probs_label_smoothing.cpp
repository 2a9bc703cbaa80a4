// LABEL: torch-softmax-before-cross-entropy
// LINE: 22
// RUNTIME: ran, loss=1.55097
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

torch::Tensor class_scores(const torch::Tensor& features, const torch::Tensor& w, const torch::Tensor& b) {
  auto z = torch::matmul(features, w) + b;
  return z.softmax(-1);
}

int main() {
  torch::manual_seed(0);
  auto w = torch::randn({5, 4}, torch::requires_grad());
  auto b = torch::zeros({4}, torch::requires_grad());
  auto features = torch::randn({9, 5});
  auto labels = torch::randint(0, 4, {9}, torch::kLong);

  auto scores = class_scores(features, w, b);
  auto loss = F::cross_entropy(scores, labels,
                               F::CrossEntropyFuncOptions().label_smoothing(0.1));
  loss.backward();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
