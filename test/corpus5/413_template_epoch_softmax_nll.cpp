// LABEL: torch-softmax-before-nll-loss
// LINE: 30
// RUNTIME: ran, loss=-0.343965
#include <torch/torch.h>

#include <iostream>
#include <utility>
#include <vector>

using Batches = std::vector<std::pair<torch::Tensor, torch::Tensor>>;

struct WineNetImpl : torch::nn::Module {
  static const int64_t kClasses = 3;
  WineNetImpl()
      : fc1(register_module("fc1", torch::nn::Linear(13, 16))),
        fc2(register_module("fc2", torch::nn::Linear(16, kClasses))) {}
  torch::Tensor forward(torch::Tensor x) {
    return torch::softmax(fc2(torch::relu(fc1(x))), /*dim=*/1);
  }
  torch::nn::Linear fc1, fc2;
};
TORCH_MODULE(WineNet);
const int64_t WineNetImpl::kClasses;

template <typename Model>
double run_epoch(Model& model, torch::optim::Optimizer* opt, const Batches& data) {
  double total = 0;
  for (const auto& batch : data) {
    auto probs = model->forward(batch.first);
    auto loss = torch::nll_loss(probs, batch.second);
    if (opt != nullptr) {
      opt->zero_grad();
      loss.backward();
      opt->step();
    }
    total += loss.item().toDouble();
  }
  return total / static_cast<double>(data.size());
}

int main() {
  torch::manual_seed(0);
  Batches train, val;
  for (int i = 0; i < 4; ++i) {
    train.emplace_back(torch::randn({5, 13}), torch::randint(0, WineNetImpl::kClasses, {5}));
  }
  val.emplace_back(torch::randn({5, 13}), torch::randint(0, WineNetImpl::kClasses, {5}));

  WineNet model;
  torch::optim::SGD opt(model->parameters(), 0.1);
  for (int epoch = 0; epoch < 2; ++epoch) run_epoch(model, &opt, train);
  torch::NoGradGuard no_grad;
  std::cout << "loss=" << run_epoch(model, nullptr, val) << std::endl;
}
