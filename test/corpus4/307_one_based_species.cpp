// LABEL: torch-target-out-of-range
// LINE: 23
// RUNTIME: Target 3 is out of bounds.
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  const int64_t kClasses = 3;

  // Species codes as they appear in the raw file: 1 = setosa, 2 = versicolor, 3 = virginica.
  auto x = torch::randn({9, 4});
  auto y = torch::tensor({1, 2, 3, 1, 2, 3, 3, 2, 1}, torch::kLong);

  torch::nn::Sequential mlp(torch::nn::Linear(4, 10), torch::nn::ReLU(),
                            torch::nn::Linear(10, kClasses));
  torch::nn::CrossEntropyLoss ce;
  torch::optim::Adam opt(mlp->parameters(), torch::optim::AdamOptions(0.01));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 20; ++epoch) {
    opt.zero_grad();
    loss = ce(mlp->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
