// LABEL: torch-target-out-of-range
// LINE: 24
// RUNTIME: Target 4 is out of bounds.
#include <torch/torch.h>
#include <iostream>
#include <vector>

// Class ids as they appear in the annotation file: 1 = cat, 2 = dog, 3 = bird, 4 = fish
static const std::vector<int64_t> kAnnotations = {2, 1, 4, 3, 3, 1};

int main() {
  torch::manual_seed(0);
  const int64_t num_classes = 4;

  torch::nn::Sequential model;
  model->push_back(torch::nn::Linear(5, 32));
  model->push_back(torch::nn::ReLU());
  model->push_back(torch::nn::Linear(32, num_classes));

  auto x = torch::randn({static_cast<int64_t>(kAnnotations.size()), 5});
  auto y = torch::tensor(kAnnotations);

  torch::nn::CrossEntropyLoss criterion;
  auto loss = criterion(model->forward(x), y);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
