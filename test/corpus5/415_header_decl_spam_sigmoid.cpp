// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 35
// RUNTIME: ran, loss=0.94149
#include <torch/torch.h>

#include <iostream>

#include "spam_detector.h"

namespace F = torch::nn::functional;

SpamDetectorImpl::SpamDetectorImpl(int64_t num_features) {
  fc1 = register_module("fc1", torch::nn::Linear(num_features, 16));
  norm = register_module("norm", torch::nn::BatchNorm1d(16));
  fc2 = register_module("fc2", torch::nn::Linear(16, 1));
}

torch::Tensor SpamDetectorImpl::forward(torch::Tensor x) {
  x = torch::relu(norm(fc1(x)));
  return torch::sigmoid(fc2(x)).squeeze(1);
}

int main() {
  torch::manual_seed(0);
  SpamDetector detector(32);
  torch::optim::Adam opt(detector->parameters(), 1e-3);

  auto messages = torch::rand({10, 32});
  auto is_spam = torch::tensor({1.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f, 0.f});
  auto options = F::BinaryCrossEntropyWithLogitsFuncOptions().pos_weight(torch::tensor({2.0f}));

  torch::Tensor loss;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    loss = F::binary_cross_entropy_with_logits(detector->forward(messages), is_spam, options);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
