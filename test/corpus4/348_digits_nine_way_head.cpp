// LABEL: torch-target-out-of-range
// LINE: 32
// RUNTIME: Target 9 is out of bounds.
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

struct DigitMlpImpl : torch::nn::Module {
  DigitMlpImpl()
      : fc1(register_module("fc1", torch::nn::Linear(64, 32))),
        fc2(register_module("fc2", torch::nn::Linear(32, 9))) {}
  torch::Tensor forward(torch::Tensor x) {
    return F::log_softmax(fc2(torch::relu(fc1(x))), F::LogSoftmaxFuncOptions(1));
  }
  torch::nn::Linear fc1, fc2;
};
TORCH_MODULE(DigitMlp);

int main() {
  torch::manual_seed(0);
  DigitMlp model;
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));

  auto images = torch::rand({20, 64});          // flattened 8x8 digits
  auto digits = torch::arange(10).repeat({2});  // two of each digit 0..9

  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    auto log_probs = model(images);
    loss = F::nll_loss(log_probs, digits);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
