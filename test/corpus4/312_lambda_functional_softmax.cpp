// LABEL: torch-softmax-before-cross-entropy
// LINE: 22
// RUNTIME: ran, loss=1.56408
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  constexpr int64_t kClasses = 5;

  torch::nn::Sequential model(torch::nn::Linear(16, 32), torch::nn::ReLU(),
                              torch::nn::Linear(32, kClasses));
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.05));

  // Rare classes get a larger weight.
  auto class_weight = torch::tensor({1.0, 1.0, 1.0, 2.0, 4.0});

  auto compute_loss = [&](const torch::Tensor& logits, const torch::Tensor& y) {
    auto p = F::softmax(logits, F::SoftmaxFuncOptions(1));
    return F::cross_entropy(p, y, F::CrossEntropyFuncOptions().weight(class_weight));
  };

  auto x = torch::randn({40, 16});
  auto y = torch::randint(0, kClasses, {40});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 8; ++epoch) {
    for (int64_t start = 0; start < 40; start += 10) {
      opt.zero_grad();
      loss = compute_loss(model->forward(x.slice(0, start, start + 10)),
                          y.slice(0, start, start + 10));
      loss.backward();
      opt.step();
    }
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
