// LABEL: torch-softmax-before-cross-entropy
// LINE: 21
// RUNTIME: ran, loss=1.17718
#include <torch/torch.h>
#include <iostream>
#include <tuple>

namespace F = torch::nn::functional;

template <typename Model>
std::tuple<torch::Tensor, torch::Tensor> run_model(Model& m, const torch::Tensor& x) {
  auto logits = m->forward(x);
  auto probs = F::softmax(logits, F::SoftmaxFuncOptions(1));
  return std::make_tuple(logits, probs);
}

template <typename Model>
torch::Tensor objective(Model& m, const torch::Tensor& x, const torch::Tensor& y,
                        const torch::Tensor& class_weight) {
  auto [logits, probs] = run_model(m, x);
  return F::cross_entropy(probs, y, F::CrossEntropyFuncOptions().weight(class_weight));
}

int main() {
  torch::manual_seed(0);
  torch::nn::Linear m(4, 3);
  auto x = torch::randn({6, 4});
  auto y = torch::tensor({0, 1, 2, 0, 1, 2}, torch::kLong);
  auto cw = torch::tensor({1.0f, 1.5f, 0.5f});
  auto loss = objective(m, x, y, cw);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
