// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 49
// RUNTIME: Expected input batch_size (32) to match target batch_size (8).
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

// 8x8 handwritten digits.
struct DigitNetImpl : torch::nn::Module {
  DigitNetImpl()
      : conv1(torch::nn::Conv2dOptions(1, 8, 3).padding(1)),
        conv2(torch::nn::Conv2dOptions(8, 16, 3).padding(1)),
        fc1(16 * 2 * 2, 32),
        fc2(32, 10) {
    register_module("conv1", conv1);
    register_module("conv2", conv2);
    register_module("fc1", fc1);
    register_module("fc2", fc2);
  }

  torch::Tensor forward(torch::Tensor x) {
    x = F::max_pool2d(torch::relu(conv1(x)), F::MaxPool2dFuncOptions(2));
    x = torch::relu(conv2(x));
    x = x.view({-1, 16 * 2 * 2});
    x = torch::relu(fc1(x));
    return fc2(x);
  }

  torch::nn::Conv2d conv1, conv2;
  torch::nn::Linear fc1, fc2;
};
TORCH_MODULE(DigitNet);

int main() {
  torch::manual_seed(0);
  DigitNet net;
  torch::optim::SGD optimizer(net->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));

  std::vector<torch::Tensor> images = torch::rand({32, 1, 8, 8}).split(8);
  std::vector<torch::Tensor> digits = torch::arange(32, torch::kLong).remainder(10).split(8);

  for (int epoch = 0; epoch < 2; ++epoch) {
    for (size_t b = 0; b < images.size(); ++b) {
      optimizer.zero_grad();
      auto logits = net->forward(images[b]);
      auto loss = F::cross_entropy(logits, digits[b]);
      loss.backward();
      optimizer.step();
    }
  }
  std::cout << "done\n";
  return 0;
}
