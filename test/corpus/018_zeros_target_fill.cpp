// LABEL: torch-float-class-target
// LINE: 29
// RUNTIME: expected scalar type Long but found Short
#include <torch/torch.h>
#include <iostream>
#include <vector>
#include <string>

int64_t label_of(const std::string& name) {
  if (name == "spam") return 1;
  if (name == "promo") return 2;
  return 0;
}

int main() {
  torch::manual_seed(0);
  std::vector<std::string> kinds = {"ham", "spam", "promo", "spam", "ham"};
  const int64_t batch = static_cast<int64_t>(kinds.size());

  auto target = torch::zeros({batch}, torch::TensorOptions().dtype(torch::kInt16));
  for (int64_t i = 0; i < batch; ++i) {
    target[i] = label_of(kinds[i]);
  }

  torch::nn::Linear clf(16, 3);
  auto emb = torch::randn({batch, 16});

  try {
    auto loss = torch::nn::functional::cross_entropy(clf(emb), target);
    std::cout << "loss=" << loss.item<float>() << std::endl;
  } catch (const std::exception& e) {
    std::cout << "exception: " << e.what() << std::endl;
  }
}
