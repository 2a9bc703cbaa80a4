// LABEL: torch-stray-unsqueeze
// LINE: 20
// RUNTIME: Expected input batch_size (1) to match target batch_size (0).
#include <torch/torch.h>
#include <iostream>
#include <vector>

int main() {
  torch::manual_seed(0);
  torch::nn::Linear clf(4, 3);
  torch::nn::CrossEntropyLoss ce;
  std::vector<torch::Tensor> inputs;
  std::vector<int64_t> classes = {2, 0, 1};
  for (int i = 0; i < 3; ++i) inputs.push_back(torch::randn({4}));

  float total = 0.f;
  for (size_t i = 0; i < inputs.size(); ++i) {
    auto logits = clf(inputs[i]).unsqueeze(0);
    auto target = torch::tensor(classes[i], torch::kLong);
    auto loss = ce(logits, target);
    total += loss.item<float>();
  }
  std::cout << "loss=" << total / inputs.size() << std::endl;
  return 0;
}
