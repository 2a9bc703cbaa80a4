// LABEL: torch-float-class-target
// LINE: 42
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <cmath>
#include <iostream>
#include <vector>

// Wine quality buckets (low / medium / high) computed from a sensory score.
std::vector<double> quality_buckets(const std::vector<double>& scores) {
  std::vector<double> buckets;
  buckets.reserve(scores.size());
  for (double s : scores) {
    double b = std::floor(s / 4.0);  // 0..10 -> 0, 1, 2
    buckets.push_back(std::min(b, 2.0));
  }
  return buckets;
}

struct WineNetImpl : torch::nn::Module {
  WineNetImpl()
      : fc1(register_module("fc1", torch::nn::Linear(11, 32))),
        fc2(register_module("fc2", torch::nn::Linear(32, 3))),
        log_softmax(register_module("log_softmax", torch::nn::LogSoftmax(1))) {}
  torch::Tensor forward(torch::Tensor x) { return log_softmax(fc2(torch::elu(fc1(x)))); }
  torch::nn::Linear fc1, fc2;
  torch::nn::LogSoftmax log_softmax;
};
TORCH_MODULE(WineNet);

int main() {
  torch::manual_seed(0);
  std::vector<double> scores = {3.5, 6.0, 8.5, 5.0, 9.5, 2.0, 7.0, 4.5};
  auto chemistry = torch::randn({8, 11});
  auto target = torch::tensor(quality_buckets(scores));

  WineNet net;
  torch::nn::NLLLoss nll(torch::nn::NLLLossOptions().weight(torch::tensor({1.0f, 0.5f, 1.5f})));
  torch::optim::SGD opt(net->parameters(), 0.05);
  opt.zero_grad();
  auto loss = nll(net(chemistry), target);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
