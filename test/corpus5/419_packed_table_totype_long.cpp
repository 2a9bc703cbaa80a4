// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.12617
#include <torch/torch.h>

#include <iostream>

using torch::indexing::Slice;

constexpr int64_t kFeatures = 4;
constexpr int64_t kClasses = 3;

int main() {
  torch::manual_seed(0);
  // The cached dataset keeps features and the class id in one float matrix.
  auto raw_x = torch::randn({9, kFeatures});
  auto raw_y = torch::arange(9) % kClasses;
  auto table = torch::cat({raw_x, raw_y.to(torch::kFloat).unsqueeze(1)}, /*dim=*/1);

  auto x = table.index({Slice(), Slice(0, kFeatures)});
  auto y = table.index({Slice(), kFeatures}).toType(torch::kLong);

  torch::nn::Sequential model(torch::nn::Linear(kFeatures, 8), torch::nn::ReLU(),
                              torch::nn::Linear(8, kClasses));
  torch::optim::SGD opt(model->parameters(), 0.05);
  torch::nn::CrossEntropyLoss criterion;
  torch::Tensor loss;
  for (int it = 0; it < 4; ++it) {
    opt.zero_grad();
    loss = criterion(model->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
