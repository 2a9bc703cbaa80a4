// LABEL: torch-float-class-target
// LINE: 31
// RUNTIME: expected scalar type Long but found Int
#include <torch/torch.h>
#include <iostream>
#include <utility>
#include <vector>

using Batch = std::pair<torch::Tensor, torch::Tensor>;

static std::vector<Batch> build_batches(int n_batches, int bs, int dim, int classes) {
  std::vector<Batch> batches;
  for (int b = 0; b < n_batches; ++b) {
    auto x = torch::randn({bs, dim});
    auto y = torch::randint(0, classes, {bs}, torch::TensorOptions().dtype(torch::kInt));
    batches.emplace_back(x, y);
  }
  return batches;
}

int main() {
  torch::manual_seed(0);
  const int classes = 3;
  auto data = build_batches(3, 4, 5, classes);
  torch::nn::Sequential model(torch::nn::Linear(5, 7), torch::nn::ReLU(), torch::nn::Linear(7, classes));
  torch::nn::CrossEntropyLoss loss_fn;
  torch::optim::SGD sgd(model->parameters(), 0.1);
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (auto& [x, y] : data) {
      sgd.zero_grad();
      auto loss = loss_fn(model->forward(x), y);
      loss.backward();
      sgd.step();
      std::cout << "loss=" << loss.item<float>() << std::endl;
    }
  }
  return 0;
}
