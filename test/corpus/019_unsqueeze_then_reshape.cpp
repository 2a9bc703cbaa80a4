// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.10564
#include <torch/torch.h>
#include <iostream>
#include <vector>

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model(torch::nn::Linear(5, 9), torch::nn::ReLU(), torch::nn::Linear(9, 3));
  torch::nn::CrossEntropyLoss criterion;

  // collect single examples into a batch
  std::vector<torch::Tensor> xs, ys;
  for (int i = 0; i < 4; ++i) {
    xs.push_back(torch::randn({5}).unsqueeze(0));
    ys.push_back(torch::tensor(static_cast<int64_t>(i % 3)).unsqueeze(0).unsqueeze(1));
  }
  auto x = torch::cat(xs, 0);  // [4, 5]
  auto y = torch::cat(ys, 0);  // [4, 1]

  auto out = model->forward(x);
  auto loss = criterion(out, y.reshape({-1}));
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
