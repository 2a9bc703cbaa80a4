// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.88488
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  const int64_t num_classes = 6;

  torch::nn::Sequential net;
  net->push_back(torch::nn::Linear(12, 32));
  net->push_back(torch::nn::Tanh());
  net->push_back(torch::nn::Linear(32, num_classes));
  net->push_back(torch::nn::LogSoftmax(torch::nn::LogSoftmaxOptions(1)));

  torch::nn::NLLLoss nll;
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-3));

  auto x = torch::randn({24, 12});
  auto y = torch::randint(0, num_classes, {24});

  torch::Tensor loss;
  for (int step = 0; step < 5; ++step) {
    opt.zero_grad();
    auto log_probs = net->forward(x);
    loss = nll(log_probs, y);
    loss.backward();
    opt.step();
  }

  // Turn log-probabilities back into probabilities for a confidence report.
  torch::NoGradGuard no_grad;
  auto confidence = net->forward(x).exp().amax(1).mean();
  std::cout << "mean confidence " << confidence.item<float>() << std::endl;
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
