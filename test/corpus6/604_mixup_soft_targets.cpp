// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.8286
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kNumClasses = 6;

struct Mlp : torch::nn::Module {
  Mlp() {
    l1 = register_module("l1", torch::nn::Linear(12, 24));
    l2 = register_module("l2", torch::nn::Linear(24, kNumClasses));
  }
  torch::Tensor forward(const torch::Tensor& x) { return l2(torch::tanh(l1(x))); }
  torch::nn::Linear l1{nullptr}, l2{nullptr};
};

// Mixup: convex combination of two samples and of their one-hot labels.
// The result is a float [N, C] distribution over classes.
std::pair<torch::Tensor, torch::Tensor> mixup(const torch::Tensor& x, const torch::Tensor& y,
                                              double lam) {
  auto perm = torch::randperm(x.size(0));
  auto y_onehot = F::one_hot(y, kNumClasses).to(torch::kFloat);
  auto mixed_x = lam * x + (1.0 - lam) * x.index_select(0, perm);
  auto mixed_y = lam * y_onehot + (1.0 - lam) * y_onehot.index_select(0, perm);
  return {mixed_x, mixed_y};
}

int main() {
  torch::manual_seed(0);
  auto model = std::make_shared<Mlp>();
  torch::optim::Adam opt(model->parameters(), 1e-3);
  torch::nn::CrossEntropyLoss ce(
      torch::nn::CrossEntropyLossOptions().reduction(torch::kMean));

  auto inputs = torch::randn({16, 12});
  auto labels = torch::randint(0, kNumClasses, {16});

  torch::Tensor loss;
  for (int step = 0; step < 5; ++step) {
    auto [mx, my] = mixup(inputs, labels, 0.7);
    opt.zero_grad();
    loss = ce(model->forward(mx), my);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
