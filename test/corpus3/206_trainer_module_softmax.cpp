// LABEL: torch-softmax-before-cross-entropy
// LINE: 35
// RUNTIME: ran, loss=1.06546
#include <torch/torch.h>
#include <iostream>
#include <memory>

class TinyNet : public torch::nn::Module {
 public:
  TinyNet() {
    fc1_ = register_module("fc1", torch::nn::Linear(4, 8));
    fc2_ = register_module("fc2", torch::nn::Linear(8, 3));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    auto h = torch::relu(fc1_->forward(x));
    auto logits = fc2_->forward(h);
    return torch::softmax(logits, /*dim=*/1);
  }

 private:
  torch::nn::Linear fc1_{nullptr};
  torch::nn::Linear fc2_{nullptr};
};

class Trainer {
 public:
  explicit Trainer(std::shared_ptr<TinyNet> model)
      : model_(std::move(model)),
        optimizer_(model_->parameters(), torch::optim::SGDOptions(0.05)),
        criterion_(torch::nn::CrossEntropyLossOptions().ignore_index(-100)) {}

  float step(const torch::Tensor& x, const torch::Tensor& y) {
    optimizer_.zero_grad();
    auto pred = model_->forward(x);
    auto loss = criterion_->forward(pred, y);
    loss.backward();
    optimizer_.step();
    return loss.item<float>();
  }

 private:
  std::shared_ptr<TinyNet> model_;
  torch::optim::SGD optimizer_;
  torch::nn::CrossEntropyLoss criterion_;
};

int main() {
  torch::manual_seed(0);
  auto model = std::make_shared<TinyNet>();
  Trainer trainer(model);
  auto x = torch::randn({6, 4});
  auto y = torch::tensor({0, 1, 2, 2, 1, 0}, torch::kLong);
  float loss = 0.f;
  for (int e = 0; e < 2; ++e) loss = trainer.step(x, y);
  std::cout << "loss=" << loss << std::endl;
  return 0;
}
