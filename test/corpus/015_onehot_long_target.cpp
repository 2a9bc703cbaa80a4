// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 24
// RUNTIME: Expected floating point type for target with class probabilities, got Long
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

torch::Tensor encode_labels(const torch::Tensor& ids, int64_t num_classes) {
  return F::one_hot(ids, num_classes);
}

int main() {
  torch::manual_seed(0);
  const int64_t C = 3;
  torch::nn::Linear layer(2, C);

  auto pts = torch::randn({7, 2});
  auto ids = (pts.select(1, 0) > 0).to(torch::kLong) + (pts.select(1, 1) > 0).to(torch::kLong);
  auto target = encode_labels(ids, C);

  torch::nn::CrossEntropyLoss ce;
  try {
    auto loss = ce(layer(pts), target);
    std::cout << loss.item<float>() << std::endl;
  } catch (const c10::Error& err) {
    std::cerr << err.what() << std::endl;
    return 2;
  }
  return 0;
}
