// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.31115
#include <torch/torch.h>

#include <iostream>

#include "digit_mlp.h"

const int64_t DigitMLPImpl::kNumDigits;

DigitMLPImpl::DigitMLPImpl(int64_t in_features)
    : fc1_(register_module("fc1", torch::nn::Linear(in_features, 32))),
      fc2_(register_module("fc2", torch::nn::Linear(32, kNumDigits))) {}

torch::Tensor DigitMLPImpl::forward(torch::Tensor x) {
  x = torch::relu(fc1_->forward(x.flatten(1)));
  return fc2_->forward(x);
}

torch::Tensor DigitMLPImpl::predict_proba(torch::Tensor x) {
  return torch::softmax(forward(x), /*dim=*/-1);
}

int main() {
  torch::manual_seed(0);
  DigitMLP net(64);
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));

  auto images = torch::randn({6, 1, 8, 8});
  auto digits = torch::tensor({3, 7, 0, 9, 1, 4});

  torch::Tensor loss;
  for (int it = 0; it < 4; ++it) {
    opt.zero_grad();
    auto logits = net->forward(images);
    loss = torch::nn::functional::cross_entropy(logits, digits);
    loss.backward();
    opt.step();
  }

  torch::NoGradGuard no_grad;
  auto probs = net->predict_proba(images);
  auto accuracy = probs.argmax(1).eq(digits).to(torch::kFloat).mean();
  auto confidence = std::get<0>(probs.max(1)).mean();
  std::cout << "accuracy=" << accuracy.item<float>()
            << " mean_confidence=" << confidence.item<float>() << "\n";
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
