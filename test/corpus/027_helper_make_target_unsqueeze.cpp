// LABEL: torch-stray-unsqueeze
// LINE: 24
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>
#include <iostream>
#include <vector>

torch::Tensor make_targets(const std::vector<int64_t>& ids) {
  return torch::tensor(ids).unsqueeze(-1);
}

torch::Tensor features_for(size_t n) {
  return torch::randn({static_cast<int64_t>(n), 3});
}

int main() {
  torch::manual_seed(0);
  std::vector<int64_t> ids{1, 0, 1, 1, 0};
  auto head = torch::nn::Linear(torch::nn::LinearOptions(3, 2).bias(false));
  auto criterion = torch::nn::CrossEntropyLoss(torch::nn::CrossEntropyLossOptions().label_smoothing(0.05));

  auto targets = make_targets(ids);
  auto logits = head->forward(features_for(ids.size()));
  auto loss = criterion->forward(logits, targets);
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
