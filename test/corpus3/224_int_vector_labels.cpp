// LABEL: torch-float-class-target
// LINE: 27
// RUNTIME: expected scalar type Long but found Int
#include <torch/torch.h>
#include <iostream>
#include <string>
#include <vector>

static int label_of(const std::string& word) {
  if (word == "cat") return 0;
  if (word == "dog") return 1;
  return 2;
}

int main() {
  torch::manual_seed(0);
  std::vector<std::string> words = {"cat", "dog", "bird", "dog", "cat"};
  std::vector<int> ids;
  for (const auto& w : words) ids.push_back(label_of(w));

  torch::nn::Embedding emb(10, 6);
  torch::nn::Linear out(6, 3);
  torch::nn::CrossEntropyLoss ce;
  auto tokens = torch::randint(0, 10, {5}, torch::kLong);
  auto targets = torch::from_blob(ids.data(), {static_cast<int64_t>(ids.size())}, torch::kInt).clone();
  auto logits = out(emb(tokens));
  auto loss = ce(logits, targets);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
