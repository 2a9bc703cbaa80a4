// LABEL: torch-float-class-target
// LINE: 36
// RUNTIME: expected scalar type Long but found Bool
#include <torch/torch.h>

#include <iostream>

using namespace torch;

// Which of two items is preferred? Two-way classification over pair features.
struct PairRanker : nn::Module {
  explicit PairRanker(int64_t dim) {
    enc = register_module("enc", nn::Linear(dim, 8));
    out = register_module("out", nn::Linear(16, 2));
  }
  Tensor forward(const Tensor& a, const Tensor& b) {
    return out->forward(torch::cat({torch::relu(enc->forward(a)), torch::relu(enc->forward(b))}, 1));
  }
  nn::Linear enc{nullptr}, out{nullptr};
};

int main() {
  manual_seed(0);
  auto weights = torch::randn({4});
  auto a = torch::randn({32, 4});
  auto b = torch::randn({32, 4});
  auto prefer_b = a.matmul(weights) < b.matmul(weights);

  auto model = std::make_shared<PairRanker>(4);
  optim::Adam opt(model->parameters(), optim::AdamOptions(1e-2));
  nn::CrossEntropyLoss loss_fn;

  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    auto logits = model->forward(a, b);
    auto loss = loss_fn(logits, prefer_b);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
