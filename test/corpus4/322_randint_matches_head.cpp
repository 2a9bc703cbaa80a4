// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=2.09017
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kFeatures = 32;
constexpr int64_t kNumClasses = 8;
constexpr int64_t kBatch = 64;

struct WideNetImpl : torch::nn::Module {
  WideNetImpl() {
    layers = register_module("layers", torch::nn::Sequential());
    layers->push_back(torch::nn::Linear(kFeatures, 128));
    layers->push_back(torch::nn::BatchNorm1d(128));
    layers->push_back(torch::nn::ReLU());
    layers->push_back(torch::nn::Linear(128, kNumClasses));
  }
  torch::Tensor forward(torch::Tensor x) { return layers->forward(x); }
  torch::nn::Sequential layers{nullptr};
};
TORCH_MODULE(WideNet);

int main() {
  torch::manual_seed(0);
  WideNet net;
  torch::nn::CrossEntropyLoss loss_fn(
      torch::nn::CrossEntropyLossOptions().reduction(torch::kMean));
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.05));

  torch::Tensor loss;
  for (int iter = 0; iter < 5; ++iter) {
    auto x = torch::randn({kBatch, kFeatures});
    auto y = torch::randint(0, kNumClasses, {kBatch});  // values 0..7
    opt.zero_grad();
    loss = loss_fn(net(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
