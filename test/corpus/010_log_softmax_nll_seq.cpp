// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.688794
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential net;
  net->push_back("fc1", torch::nn::Linear(3, 8));
  net->push_back("act", torch::nn::Sigmoid());
  net->push_back("fc2", torch::nn::Linear(8, 2));
  net->push_back("logsm", torch::nn::LogSoftmax(torch::nn::LogSoftmaxOptions(1)));

  torch::nn::NLLLoss nll;
  torch::optim::Adam adam(net->parameters(), 0.01);

  auto X = torch::rand({6, 3});
  auto Y = torch::tensor({0, 1, 1, 0, 1, 0});

  float last = 0.f;
  for (int epoch = 1; epoch <= 3; ++epoch) {
    adam.zero_grad();
    auto loss = nll(net->forward(X), Y);
    loss.backward();
    adam.step();
    last = loss.item<float>();
  }
  std::cout << "final loss=" << last << std::endl;
}
