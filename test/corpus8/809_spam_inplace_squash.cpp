// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 36
// RUNTIME: ran, loss=0.520764
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

struct SpamFilterImpl : nn::Module {
  SpamFilterImpl() {
    fc1 = register_module("fc1", nn::Linear(12, 24));
    fc2 = register_module("fc2", nn::Linear(24, 1));
  }
  torch::Tensor forward(const torch::Tensor& bag) {
    return fc2(torch::relu(fc1(bag))).squeeze(1);
  }
  nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(SpamFilter);

int main() {
  torch::manual_seed(0);
  auto bag = torch::rand({80, 12});
  auto is_spam = (bag.slice(1, 0, 4).sum(1) > 2.0).to(torch::kFloat);

  SpamFilter filter;
  nn::BCEWithLogitsLoss criterion;
  torch::optim::Adam opt(filter->parameters(), torch::optim::AdamOptions(0.02));
  torch::Tensor loss;
  double accuracy = 0.0;
  for (int epoch = 0; epoch < 60; ++epoch) {
    opt.zero_grad();
    auto scores = filter(bag);
    scores.sigmoid_();  // squash once, reused for accuracy below
    accuracy = ((scores > 0.5).to(torch::kFloat) == is_spam).to(torch::kFloat).mean().item<double>();
    loss = criterion(scores, is_spam);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << " accuracy " << accuracy << std::endl;
}
