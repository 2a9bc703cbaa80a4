// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 46
// RUNTIME: Expected floating point type for target with class probabilities, got Long
#include <torch/torch.h>

#include <iostream>

namespace nnf = torch::nn::functional;

struct Batch {
  torch::Tensor x;
  torch::Tensor y;
};

Batch encode(const torch::Tensor& x, const torch::Tensor& labels, int64_t n_classes) {
  return {x, nnf::one_hot(labels, n_classes)};
}

class GestureNet : public torch::nn::Module {
 public:
  explicit GestureNet(int64_t n_classes)
      : gru_(register_module("gru", torch::nn::GRU(torch::nn::GRUOptions(3, 10).batch_first(true)))),
        fc_(register_module("fc", torch::nn::Linear(10, n_classes))) {}
  torch::Tensor forward(const torch::Tensor& x) {
    auto h = std::get<1>(gru_->forward(x));  // [1, B, 10]
    return fc_->forward(h.squeeze(0));
  }

 private:
  torch::nn::GRU gru_;
  torch::nn::Linear fc_;
};

int main() {
  torch::manual_seed(0);
  const int64_t n_classes = 5;
  auto accel = torch::randn({12, 15, 3});
  auto gesture = torch::randint(0, n_classes, {12});
  auto batch = encode(accel, gesture, n_classes);

  GestureNet net(n_classes);
  torch::optim::SGD opt(net.parameters(), torch::optim::SGDOptions(0.1));
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 4; ++epoch) {
    opt.zero_grad();
    auto loss = criterion(net.forward(batch.x), batch.y);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
