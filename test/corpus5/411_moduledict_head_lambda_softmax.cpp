// LABEL: torch-softmax-before-cross-entropy
// LINE: 52
// RUNTIME: ran, loss=1.79686
#include <torch/torch.h>

#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

constexpr int64_t kCategories = 6;

struct ProductClassifierImpl : nn::Module {
  explicit ProductClassifierImpl(int64_t num_categories) {
    std::vector<std::pair<std::string, std::shared_ptr<nn::Module>>> named = {
        {"trunk", nn::Sequential(nn::Linear(20, 32), nn::GELU()).ptr()},
        {"head", nn::Sequential(nn::Linear(32, num_categories),
                                nn::Functional([](const torch::Tensor& z) {
                                  return z.softmax(-1);
                                }))
                     .ptr()},
    };
    parts = register_module("parts", nn::ModuleDict(named));
  }

  torch::Tensor forward(const torch::Tensor& x) {
    auto h = parts["trunk"]->as<nn::Sequential>()->forward(x);
    return parts["head"]->as<nn::Sequential>()->forward(h);
  }

  nn::ModuleDict parts{nullptr};
};
TORCH_MODULE(ProductClassifier);

int main() {
  torch::manual_seed(0);
  std::vector<std::pair<torch::Tensor, torch::Tensor>> batches;
  for (int b = 0; b < 3; ++b) {
    batches.emplace_back(torch::randn({4, 20}), torch::randint(0, kCategories, {4}));
  }

  ProductClassifier model(kCategories);
  torch::optim::Adam opt(model->parameters(), 1e-3);
  double last = 0;
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (const auto& [x, y] : batches) {
      opt.zero_grad();
      auto loss = F::cross_entropy(model->forward(x), y);
      loss.backward();
      opt.step();
      last = loss.item<double>();
    }
  }
  std::cout << "loss=" << last << std::endl;
}
