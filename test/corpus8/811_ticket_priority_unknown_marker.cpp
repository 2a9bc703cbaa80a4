// LABEL: torch-target-out-of-range
// LINE: 30
// RUNTIME: Target 3 is out of bounds.
#include <torch/torch.h>
#include <iostream>
#include <vector>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

enum class Priority : int64_t { kLow, kMedium, kHigh, kUnknown };
constexpr int64_t kNumPriorities = static_cast<int64_t>(Priority::kUnknown);

int main() {
  torch::manual_seed(0);
  const int64_t n = 30;
  auto features = torch::randn({n, 9});
  auto priority = std::get<1>(features.slice(1, 0, kNumPriorities).max(1));

  // Tickets whose priority field was blank in the export.
  std::vector<int64_t> blank = {3, 11, 17, 24};
  auto blank_idx = torch::tensor(blank);
  priority.index_put_({blank_idx}, static_cast<int64_t>(Priority::kUnknown));

  nn::Linear head(9, kNumPriorities);
  torch::optim::SGD opt(head->parameters(), torch::optim::SGDOptions(0.1));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 15; ++epoch) {
    opt.zero_grad();
    loss = F::cross_entropy(head(features), priority,
                            F::CrossEntropyFuncOptions().label_smoothing(0.05));
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
