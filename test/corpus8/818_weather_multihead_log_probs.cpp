// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.531864
#include <torch/torch.h>
#include <iostream>
#include <vector>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

struct ForecastNetImpl : nn::Module {
  explicit ForecastNetImpl(const std::vector<int64_t>& classes_per_task) {
    trunk = register_module("trunk", nn::Linear(12, 24));
    heads = register_module("heads", nn::ModuleList());
    for (auto c : classes_per_task) heads->push_back(nn::Linear(24, c));
  }
  // Log-probabilities per task (sky, wind, precipitation).
  std::vector<torch::Tensor> forward(const torch::Tensor& x) {
    auto h = torch::tanh(trunk(x));
    std::vector<torch::Tensor> out;
    for (const auto& head : *heads) {
      out.push_back(F::log_softmax(head->as<nn::Linear>()->forward(h), F::LogSoftmaxFuncOptions(1)));
    }
    return out;
  }
  nn::Linear trunk{nullptr};
  nn::ModuleList heads{nullptr};
};
TORCH_MODULE(ForecastNet);

int main() {
  torch::manual_seed(0);
  const std::vector<int64_t> classes = {4, 3, 2};
  auto x = torch::randn({36, 12});
  std::vector<torch::Tensor> targets;
  int64_t offset = 0;
  for (auto c : classes) {
    targets.push_back(x.slice(1, offset, offset + c).argmax(1));
    offset += c;
  }

  ForecastNet net(classes);
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(0.01));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 40; ++epoch) {
    opt.zero_grad();
    auto log_probs = net(x);
    std::vector<torch::Tensor> task_losses;
    for (size_t t = 0; t < log_probs.size(); ++t) {
      task_losses.push_back(F::nll_loss(log_probs[t], targets[t]));
    }
    loss = torch::stack(task_losses).sum();
    loss.backward();
    opt.step();
  }
  auto sky_confidence = std::get<0>(net(x)[0].exp().max(1)).mean().item<float>();
  std::cout << "final loss " << loss.item<float>() << " sky confidence " << sky_confidence
            << std::endl;
}
