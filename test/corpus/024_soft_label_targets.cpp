// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.49819
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

// mixup: blend two batches and their one-hot labels
std::pair<torch::Tensor, torch::Tensor> mixup(const torch::Tensor& x, const torch::Tensor& y,
                                              int64_t classes, double lam) {
  auto perm = torch::randperm(x.size(0));
  auto onehot = F::one_hot(y, classes).to(torch::kFloat);
  auto mixed_x = lam * x + (1 - lam) * x.index_select(0, perm);
  auto mixed_y = lam * onehot + (1 - lam) * onehot.index_select(0, perm);
  return {mixed_x, mixed_y};
}

int main() {
  torch::manual_seed(0);
  torch::nn::Linear net(12, 4);
  torch::optim::SGD sgd(net->parameters(), 0.1);
  auto x = torch::randn({8, 12});
  auto y = torch::randint(0, 4, {8});

  for (int epoch = 0; epoch < 3; ++epoch) {
    auto [mx, my] = mixup(x, y, 4, 0.7);
    sgd.zero_grad();
    auto loss = F::cross_entropy(net(mx), my);
    loss.backward();
    sgd.step();
    std::cout << "epoch " << epoch << " loss=" << loss.item<float>() << std::endl;
  }
}
