// LABEL: torch-float-class-target
// LINE: 34
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>
#include <utility>

// Samples are stored class by class: rows [k*per_class, (k+1)*per_class) belong to class k.
std::pair<torch::Tensor, torch::Tensor> block_dataset(int64_t classes, int64_t per_class, int64_t dim) {
  auto protos = torch::randn({classes, dim}) * 2;
  auto idx = torch::arange(classes * per_class);
  auto labels = idx / per_class;
  auto inputs = protos.repeat_interleave(per_class, 0) + torch::randn({classes * per_class, dim});
  return {inputs, labels};
}

int main() {
  torch::manual_seed(0);
  const int64_t classes = 4, batch_size = 16;
  auto [inputs, labels] = block_dataset(classes, 12, 3);
  const int64_t n = inputs.size(0);

  torch::nn::Sequential net(torch::nn::Linear(3, 10), torch::nn::ReLU(), torch::nn::Linear(10, classes));
  torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(0.05));
  auto objective = torch::nn::CrossEntropyLoss();

  for (int epoch = 0; epoch < 4; ++epoch) {
    auto order = torch::randperm(n);
    float total = 0;
    for (int64_t s = 0; s < n; s += batch_size) {
      auto idx = order.slice(0, s, std::min(n, s + batch_size));
      sgd.zero_grad();
      auto loss = objective(net->forward(inputs.index_select(0, idx)), labels.index_select(0, idx));
      loss.backward();
      sgd.step();
      total += loss.item<float>();
    }
    std::cout << "epoch " << epoch << " loss=" << total << "\n";
  }
}
