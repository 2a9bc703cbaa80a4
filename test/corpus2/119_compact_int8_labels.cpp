// LABEL: torch-float-class-target
// LINE: 57
// RUNTIME: expected scalar type Long but found Char
#include <torch/torch.h>

#include <cstdint>
#include <iostream>
#include <vector>

// Labels are kept as one byte per sample to save memory; features as float32.
struct CompactStore {
  std::vector<float> features;
  std::vector<int8_t> labels;
  int64_t dim = 0;

  int64_t rows() const { return static_cast<int64_t>(labels.size()); }

  torch::Tensor feature_tensor() {
    return torch::from_blob(features.data(), {rows(), dim}, torch::kFloat32).clone();
  }
  torch::Tensor label_tensor() {
    return torch::from_blob(labels.data(), {rows()}, torch::kInt8).clone();
  }
};

CompactStore synthesize(int64_t n, int64_t dim, int64_t classes) {
  CompactStore s;
  s.dim = dim;
  auto x = torch::randn({n, dim});
  auto acc = x.accessor<float, 2>();
  for (int64_t i = 0; i < n; ++i) {
    float best = acc[i][0];
    int8_t arg = 0;
    for (int64_t j = 0; j < dim; ++j) {
      s.features.push_back(acc[i][j]);
      if (j < classes && acc[i][j] > best) {
        best = acc[i][j];
        arg = static_cast<int8_t>(j);
      }
    }
    s.labels.push_back(arg);
  }
  return s;
}

int main() {
  torch::manual_seed(0);
  const int64_t classes = 3;
  auto store = synthesize(30, 6, classes);
  auto X = store.feature_tensor();
  auto y = store.label_tensor();

  torch::nn::Sequential model(torch::nn::Linear(6, 12), torch::nn::ReLU(), torch::nn::Linear(12, classes));
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1).momentum(0.5));
  for (int epoch = 0; epoch < 15; ++epoch) {
    opt.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(model->forward(X), y);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
