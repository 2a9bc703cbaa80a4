// LABEL: torch-stray-unsqueeze
// LINE: 18
// RUNTIME: Expected input batch_size (1) to match target batch_size (5).
#include <torch/torch.h>
#include <iostream>

static torch::Tensor encode(torch::nn::Linear& proj, const torch::Tensor& batch) {
  return proj->forward(batch).unsqueeze(0);
}

int main() {
  torch::manual_seed(0);
  torch::nn::Linear proj(6, 4);
  torch::nn::CrossEntropyLoss crit;
  auto batch = torch::randn({5, 6});
  auto labels = torch::randint(0, 4, {5}, torch::kLong);
  auto scores = encode(proj, batch);
  auto loss = crit(scores, labels);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
