// LABEL: torch-softmax-before-nll-loss
// LINE: 39
// RUNTIME: ran, loss=-0.102649
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

struct DigitNetImpl : torch::nn::Module {
  DigitNetImpl()
      : conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 4, 3)))),
        fc(register_module("fc", torch::nn::Linear(4 * 6 * 6, 10))) {}

  torch::Tensor forward(torch::Tensor x) {
    x = torch::max_pool2d(torch::relu(conv->forward(x)), 2);  // [N, 4, 6, 6]
    x = fc->forward(x.flatten(1));
    return F::softmax(x, F::SoftmaxFuncOptions(1));
  }

  torch::nn::Conv2d conv;
  torch::nn::Linear fc;
};
TORCH_MODULE(DigitNet);

int main() {
  torch::manual_seed(0);
  DigitNet model;
  torch::nn::NLLLoss criterion;
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.01).momentum(0.5));

  auto images = torch::randn({20, 1, 14, 14});
  auto digits = torch::arange(20) % 10;

  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    model->train();
    opt.zero_grad();
    auto output = model->forward(images);
    loss = criterion(output, digits);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
