// LABEL: torch-float-class-target
// LINE: 36
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

struct SensorBatch {
  torch::Tensor readings;  // [N, 5]
  torch::Tensor status;    // [N] class index: 0 = ok, 1 = faulty
};

SensorBatch make_batch(int64_t n) {
  auto readings = torch::randn({n, 5});
  auto drift = readings.slice(1, 0, 2).abs().sum(1);
  // Faulty when the first two channels drift too far.
  auto status = torch::where(drift > 1.5, torch::ones_like(drift), torch::zeros_like(drift));
  return {readings, status};
}

int main() {
  torch::manual_seed(0);
  std::vector<SensorBatch> batches;
  for (int i = 0; i < 4; ++i) batches.push_back(make_batch(16));

  nn::Sequential detector(nn::Linear(5, 12), nn::ReLU(), nn::Linear(12, 2));
  torch::optim::SGD opt(detector->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (const auto& b : batches) {
      opt.zero_grad();
      auto logits = detector->forward(b.readings);
      loss = F::cross_entropy(logits, b.status);
      loss.backward();
      opt.step();
    }
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
