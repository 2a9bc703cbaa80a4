// LABEL: torch-stray-unsqueeze
// LINE: 13
// RUNTIME: Expected target size [8, 1], got [8]
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

template <typename ModelT>
torch::Tensor batch_loss(ModelT& model, const torch::Tensor& inputs, const torch::Tensor& labels) {
  auto out = model->forward(inputs);
  return F::cross_entropy(out.unsqueeze(-1), labels);
}

template <typename ModelT>
double accuracy(ModelT& model, const torch::Tensor& inputs, const torch::Tensor& labels) {
  torch::NoGradGuard ng;
  return model->forward(inputs).argmax(1).eq(labels).to(torch::kDouble).mean().template item<double>();
}

struct WineNetImpl : torch::nn::Module {
  WineNetImpl(int64_t in, int64_t hidden, int64_t n_cls)
      : l1(register_module("l1", torch::nn::Linear(in, hidden))),
        l2(register_module("l2", torch::nn::Linear(hidden, n_cls))),
        drop(register_module("drop", torch::nn::Dropout(0.2))) {}
  torch::Tensor forward(torch::Tensor x) { return l2(drop(torch::relu(l1(x)))); }
  torch::nn::Linear l1, l2;
  torch::nn::Dropout drop;
};
TORCH_MODULE(WineNet);

int main() {
  torch::manual_seed(0);
  WineNet model(13, 20, 3);
  torch::optim::Adam opt(model->parameters(), 1e-3);
  auto X = torch::randn({8, 13});
  auto y = torch::tensor({0, 1, 2, 0, 1, 2, 0, 1}, torch::kInt64);
  for (int epoch = 0; epoch < 3; ++epoch) {
    model->train();
    opt.zero_grad();
    auto loss = batch_loss(model, X, y);
    loss.backward();
    opt.step();
    model->eval();
    std::cout << "loss=" << loss.item<float>() << " acc=" << accuracy(model, X, y) << "\n";
  }
}
