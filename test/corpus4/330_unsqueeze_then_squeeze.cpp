// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.35501
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kClasses = 4;

// Collects per-sample labels as [1] tensors and glues them into a batch.
torch::Tensor collate_labels(const std::vector<int64_t>& raw) {
  std::vector<torch::Tensor> parts;
  for (int64_t v : raw) {
    parts.push_back(torch::tensor(v).unsqueeze(0).unsqueeze(1));  // [1, 1]
  }
  return torch::cat(parts, 0).squeeze(1);                        // [N]
}

int main() {
  torch::manual_seed(0);
  torch::nn::Linear clf(6, kClasses);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(clf->parameters(), torch::optim::SGDOptions(0.1));

  std::vector<int64_t> raw_labels = {3, 1, 0, 2, 2, 1, 0, 3};
  auto x = torch::randn({8, 6});
  auto y = collate_labels(raw_labels);

  torch::Tensor loss;
  for (int step = 0; step < 3; ++step) {
    opt.zero_grad();
    loss = criterion(clf(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
