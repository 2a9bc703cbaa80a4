// LABEL: torch-softmax-before-nll-loss
// LINE: 49
// RUNTIME: ran, loss=-0.326608
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace nn = torch::nn;

// MLP described by its layer widths; the layers live in a ModuleList.
struct WidthMLPImpl : nn::Module {
  explicit WidthMLPImpl(const std::vector<int64_t>& widths) {
    layers = register_module("layers", nn::ModuleList());
    for (size_t i = 0; i + 1 < widths.size(); ++i) {
      layers->push_back(nn::Linear(widths[i], widths[i + 1]));
    }
    layers->push_back(nn::Softmax(/*dim=*/1));
  }

  torch::Tensor forward(torch::Tensor x) {
    for (size_t i = 0; i < layers->size(); ++i) {
      if (auto* linear = layers[i]->as<nn::Linear>()) {
        x = linear->forward(x);
        if (i + 2 < layers->size()) x = torch::relu(x);
      } else {
        x = layers[i]->as<nn::Softmax>()->forward(x);
      }
    }
    return x;
  }

  nn::ModuleList layers{nullptr};
};
TORCH_MODULE(WidthMLP);

int main() {
  torch::manual_seed(0);
  WidthMLP net(std::vector<int64_t>{10, 32, 16, 4});
  auto x = torch::randn({6, 10});
  auto one_hot = torch::eye(4).index_select(0, torch::tensor({3, 0, 1, 1, 2, 0}));
  auto targets = one_hot.argmax(/*dim=*/1);

  nn::NLLLoss criterion;
  torch::optim::Adam opt(net->parameters(), 1e-2);
  torch::Tensor loss;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    loss = criterion(net->forward(x), targets);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
