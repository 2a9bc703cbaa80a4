// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.735443
#include <torch/torch.h>

#include <functional>
#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

using Criterion = std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)>;

struct HeadConfig {
  int64_t in_features = 6;
  bool probabilities = true;  // the head ends in a Sigmoid
};

nn::Sequential make_head(const HeadConfig& cfg) {
  nn::Sequential head(nn::Linear(cfg.in_features, 8), nn::ReLU(), nn::Linear(8, 1));
  if (cfg.probabilities) head->push_back(nn::Sigmoid());
  return head;
}

Criterion make_criterion(const HeadConfig& cfg) {
  if (cfg.probabilities) {
    return [](const torch::Tensor& p, const torch::Tensor& y) {
      return F::binary_cross_entropy(p, y);
    };
  }
  return [](const torch::Tensor& z, const torch::Tensor& y) {
    return F::binary_cross_entropy_with_logits(z, y);
  };
}

int main() {
  torch::manual_seed(0);
  HeadConfig cfg;
  auto head = make_head(cfg);
  auto criterion = make_criterion(cfg);
  torch::optim::SGD opt(head->parameters(), 0.1);

  auto x = torch::randn({10, cfg.in_features});
  auto y = torch::randint(0, 2, {10, 1}).to(torch::kFloat);
  torch::Tensor loss;
  for (int it = 0; it < 4; ++it) {
    opt.zero_grad();
    loss = criterion(head->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
