// LABEL: torch-target-out-of-range
// LINE: 20
// RUNTIME: Target 3 is out of bounds.
#include <torch/torch.h>
#include <iostream>

constexpr int kNumClasses = 3;
constexpr int kDatasetClasses = 4;   // added "unknown" category

struct Trainer {
  torch::nn::Sequential model{torch::nn::Linear(5, 10), torch::nn::ReLU(), torch::nn::Linear(10, kNumClasses)};
  torch::nn::CrossEntropyLoss criterion{torch::nn::CrossEntropyLossOptions().reduction(torch::kSum)};
  torch::optim::SGD optimizer{model->parameters(), torch::optim::SGDOptions(0.01)};

  double train_epoch(const torch::Tensor& x, const torch::Tensor& y, int64_t batch) {
    double total = 0;
    for (int64_t s = 0; s < x.size(0); s += batch) {
      auto xb = x.narrow(0, s, batch), yb = y.narrow(0, s, batch);
      optimizer.zero_grad();
      auto loss = criterion(model->forward(xb), yb);
      loss.backward();
      optimizer.step();
      total += loss.item<double>();
    }
    return total;
  }
};

int main() {
  torch::manual_seed(0);
  Trainer t;
  auto x = torch::randn({12, 5});
  auto y = torch::randint(0, kDatasetClasses, {12});
  std::cout << "epoch loss=" << t.train_epoch(x, y, 4) << std::endl;
}
