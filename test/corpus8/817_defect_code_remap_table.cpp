// LABEL: torch-target-out-of-range
// LINE: 46
// RUNTIME: Target 3 is out of bounds.
#include <torch/torch.h>
#include <array>
#include <iostream>

namespace nn = torch::nn;

// Inspection stations report raw codes 0..5; the model groups them.
constexpr std::array<int64_t, 6> kCodeToGroup = {0, 0, 1, 2, 2, 3};
constexpr int64_t kNumGroups = 3;  // scratch, dent, crack

torch::Tensor remap_codes(const torch::Tensor& codes) {
  auto table = torch::tensor(std::vector<int64_t>(kCodeToGroup.begin(), kCodeToGroup.end()));
  return table.index({codes});
}

struct InspectionNetImpl : nn::Module {
  InspectionNetImpl() {
    conv = register_module("conv", nn::Conv2d(nn::Conv2dOptions(1, 6, 3).padding(1)));
    fc = register_module("fc", nn::Linear(6, kNumGroups));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(conv(x));
    x = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
    return fc(x);
  }
  nn::Conv2d conv{nullptr};
  nn::Linear fc{nullptr};
};
TORCH_MODULE(InspectionNet);

int main() {
  torch::manual_seed(0);
  auto patches = torch::rand({24, 1, 8, 8});
  auto codes = torch::arange(24) % 6;
  auto groups = remap_codes(codes);

  InspectionNet net;
  nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.05));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    loss = criterion(net(patches), groups);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
