// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.882352
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

struct AgeGroups {
  static constexpr int64_t kCount = 4;  // <18, 18-40, 40-65, 65+
  static torch::Tensor boundaries() { return torch::tensor({18.0f, 40.0f, 65.0f}); }
};

torch::Tensor age_group(const torch::Tensor& ages) {
  // bucketize returns int64 indices in [0, boundaries.size(0)] = [0, 3].
  return torch::bucketize(ages, AgeGroups::boundaries());
}

int main() {
  torch::manual_seed(0);
  const int64_t n = 60;
  auto ages = torch::rand({n}) * 90.0;
  auto vitals = torch::randn({n, 5});
  vitals.select(1, 0).add_(ages / 30.0);  // older patients: higher first vital
  auto groups = age_group(ages);

  nn::Sequential model(nn::Linear(5, 16), nn::ReLU(), nn::Dropout(0.1),
                       nn::Linear(16, AgeGroups::kCount), nn::LogSoftmax(1));
  nn::NLLLoss criterion;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(0.01));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 30; ++epoch) {
    for (const auto& idx : torch::arange(n).split(20)) {
      opt.zero_grad();
      loss = criterion(model->forward(vitals.index_select(0, idx)), groups.index_select(0, idx));
      loss.backward();
      opt.step();
    }
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
