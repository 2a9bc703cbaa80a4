// LABEL: torch-softmax-before-cross-entropy
// LINE: 41
// RUNTIME: ran, loss=1.48133
#include <torch/torch.h>
#include <iostream>
#include <vector>

namespace nn = torch::nn;

struct ProductNetImpl : nn::Module {
  ProductNetImpl() {
    trunk = register_module("trunk", nn::Linear(10, 32));
    category = register_module("category", nn::Linear(32, 5));
    color = register_module("color", nn::Linear(32, 3));
  }
  std::vector<torch::Tensor> forward(const torch::Tensor& x) {
    auto h = torch::relu(trunk(x));
    return {category(h), color(h)};
  }
  nn::Linear trunk{nullptr}, category{nullptr}, color{nullptr};
};
TORCH_MODULE(ProductNet);

int main() {
  torch::manual_seed(0);
  auto x = torch::randn({50, 10});
  auto category = x.slice(1, 0, 5).argmax(1);
  auto color = x.slice(1, 5, 8).argmax(1);
  std::vector<torch::Tensor> targets = {category, color};

  ProductNet net;
  nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(0.02));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 50; ++epoch) {
    opt.zero_grad();
    auto outputs = net(x);
    for (auto& out : outputs) out = out.softmax(1);  // per-head distributions for logging
    loss = torch::zeros({});
    for (size_t h = 0; h < outputs.size(); ++h) {
      loss = loss + criterion(outputs[h], targets[h]);
    }
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
