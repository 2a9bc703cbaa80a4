// LABEL: torch-softmax-before-cross-entropy
// LINE: 39
// RUNTIME: ran, loss=13.8393
#include <torch/torch.h>

#include <iostream>
#include <vector>

using SoftmaxFn = torch::Tensor (*)(const torch::Tensor&, int64_t, c10::optional<torch::ScalarType>);

torch::nn::Sequential build_mlp(int64_t in_dim, const std::vector<int64_t>& widths, int64_t n_out) {
  torch::nn::Sequential seq;
  int64_t prev = in_dim;
  for (size_t i = 0; i < widths.size(); ++i) {
    seq->push_back(torch::nn::Linear(prev, widths[i]));
    seq->push_back(torch::nn::Functional(torch::relu));
    prev = widths[i];
  }
  seq->push_back(torch::nn::Linear(prev, n_out));
  seq->push_back(torch::nn::Functional(static_cast<SoftmaxFn>(torch::softmax), 1, torch::nullopt));
  return seq;
}

int main() {
  torch::manual_seed(0);
  const int64_t num_classes = 6;
  auto net = build_mlp(12, {32, 16}, num_classes);
  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions().reduction(torch::kSum));
  torch::optim::RMSprop opt(net->parameters(), torch::optim::RMSpropOptions(1e-3));

  auto x = torch::randn({24, 12});
  auto target = torch::randint(num_classes, {24}, torch::TensorOptions().dtype(torch::kLong));

  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int64_t start = 0; start < 24; start += 8) {
      auto xb = x.slice(0, start, start + 8);
      auto yb = target.slice(0, start, start + 8);
      opt.zero_grad();
      auto loss = criterion->forward(net->forward(xb), yb);
      loss.backward();
      opt.step();
      if (epoch == 4 && start == 16) std::cout << "loss=" << loss.item<float>() << "\n";
    }
  }
}
