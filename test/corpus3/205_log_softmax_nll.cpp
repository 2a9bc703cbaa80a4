// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.35692
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential net;
  net->push_back(torch::nn::Linear(3, 10));
  net->push_back(torch::nn::Tanh());
  net->push_back(torch::nn::Linear(10, 4));
  net->push_back(torch::nn::LogSoftmax(torch::nn::LogSoftmaxOptions(1)));

  torch::nn::NLLLoss nll;
  auto x = torch::randn({7, 3});
  auto y = torch::randint(0, 4, {7}, torch::kLong);
  auto out = net->forward(x);
  auto loss = nll(out, y);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
