// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.33883
#include <torch/torch.h>

#include <iostream>

namespace fn = torch::nn::functional;

struct MixupBatch {
  torch::Tensor inputs;
  torch::Tensor soft_targets;  // [N, C] probabilities
};

MixupBatch mixup(const torch::Tensor& x, const torch::Tensor& y, int64_t n_classes, double lam) {
  auto perm = torch::randperm(x.size(0));
  auto y_onehot = fn::one_hot(y, n_classes).to(torch::kFloat);
  auto x_mix = lam * x + (1 - lam) * x.index_select(0, perm);
  auto y_mix = lam * y_onehot + (1 - lam) * y_onehot.index_select(0, perm);
  return {x_mix, y_mix};
}

int main() {
  torch::manual_seed(0);
  const int64_t n_classes = 5;
  auto x = torch::randn({30, 7});
  auto y = torch::randint(0, n_classes, {30});

  torch::nn::Sequential net(torch::nn::Linear(7, 24), torch::nn::SiLU(), torch::nn::Linear(24, n_classes));
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));

  float last = 0;
  for (int epoch = 0; epoch < 10; ++epoch) {
    auto batch = mixup(x, y, n_classes, 0.7);
    opt.zero_grad();
    auto logits = net->forward(batch.inputs);
    auto loss = fn::cross_entropy(logits, batch.soft_targets, fn::CrossEntropyFuncOptions().label_smoothing(0.05));
    loss.backward();
    opt.step();
    last = loss.item<float>();
  }
  std::cout << "loss=" << last << "\n";

  torch::NoGradGuard ng;
  auto hard = fn::cross_entropy(net->forward(x), y);
  std::cout << "clean loss=" << hard.item<float>() << "\n";
}
