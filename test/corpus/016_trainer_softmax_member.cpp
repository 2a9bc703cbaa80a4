// LABEL: torch-softmax-before-cross-entropy
// LINE: 24
// RUNTIME: ran, loss=1.35712
#include <torch/torch.h>
#include <iostream>
#include <memory>

struct NetImpl : torch::nn::Module {
  torch::nn::Linear l1, l2;
  NetImpl() : l1(register_module("l1", torch::nn::Linear(3, 10))),
              l2(register_module("l2", torch::nn::Linear(10, 4))) {}
  torch::Tensor forward(torch::Tensor x) { return l2(torch::relu(l1(x))); }
};

class Trainer {
 public:
  Trainer(std::shared_ptr<NetImpl> net, double lr)
      : net_(std::move(net)), opt_(net_->parameters(), torch::optim::SGDOptions(lr)) {}

  float step(const torch::Tensor& x, const torch::Tensor& y) {
    opt_.zero_grad();
    auto out = net_->forward(x);
    out = out.softmax(-1);
    auto loss = criterion_(out, y);
    loss.backward();
    opt_.step();
    return loss.item<float>();
  }

 private:
  std::shared_ptr<NetImpl> net_;
  torch::optim::SGD opt_;
  torch::nn::CrossEntropyLoss criterion_;
};

int main() {
  torch::manual_seed(0);
  Trainer trainer(std::make_shared<NetImpl>(), 0.1);
  auto x = torch::randn({16, 3});
  auto y = torch::randint(0, 4, {16});
  float loss = 0;
  for (int e = 0; e < 3; ++e) loss = trainer.step(x, y);
  std::cout << "loss=" << loss << std::endl;
}
