// LABEL: torch-softmax-before-cross-entropy
// LINE: 29
// RUNTIME: ran, loss=1.60583
#include <torch/torch.h>
#include <iostream>
#include <vector>

struct Batch {
  torch::Tensor data;
  torch::Tensor target;
};

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential seq;
  seq->push_back(torch::nn::Linear(10, 20));
  seq->push_back(torch::nn::Dropout(0.2));
  seq->push_back(torch::nn::ReLU());
  seq->push_back(torch::nn::Linear(20, 5));
  seq->push_back(torch::nn::Softmax(1));

  torch::nn::CrossEntropyLoss ce;
  torch::optim::RMSprop opt(seq->parameters(), torch::optim::RMSpropOptions(1e-3));

  std::vector<Batch> batches;
  for (int i = 0; i < 3; ++i) batches.push_back({torch::randn({6, 10}), torch::randint(0, 5, {6})});

  auto compute_loss = [&](const Batch& b) {
    return ce(seq->forward(b.data), b.target);
  };

  for (const auto& b : batches) {
    opt.zero_grad();
    auto loss = compute_loss(b);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
