// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.13506
#include <torch/torch.h>
#include <iostream>
#include <vector>

constexpr int64_t kUnlabeled = -1;

int main() {
  torch::manual_seed(0);
  // Semi-supervised batch: -1 marks samples without a label.
  auto x = torch::randn({8, 5});
  std::vector<int64_t> raw = {2, kUnlabeled, 0, 1, kUnlabeled, 2, kUnlabeled, 1};
  auto y = torch::tensor(raw);

  torch::nn::Linear classifier(5, 3);
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().ignore_index(kUnlabeled));
  torch::optim::SGD opt(classifier->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int step = 0; step < 3; ++step) {
    opt.zero_grad();
    loss = criterion(classifier(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
