// LABEL: torch-float-class-target
// LINE: 44
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace F = torch::nn::functional;

const std::map<std::string, int> kConditions = {
    {"sunny", 0}, {"cloudy", 1}, {"rain", 2}, {"snow", 3}};

struct Observation {
  std::string condition;
  float temperature;
  float humidity;
  float pressure;
};

class WeatherTrainer {
 public:
  explicit WeatherTrainer(const std::vector<Observation>& observations)
      : model_(torch::nn::Linear(3, 16), torch::nn::ReLU(),
               torch::nn::Linear(16, static_cast<int64_t>(kConditions.size()))),
        optimizer_(model_->parameters(), torch::optim::AdamOptions(1e-2)) {
    const auto n = static_cast<int64_t>(observations.size());
    features_ = torch::empty({n, 3});
    conditions_ = torch::empty({n});
    for (int64_t i = 0; i < n; ++i) {
      const auto& obs = observations[i];
      features_[i][0] = obs.temperature / 30.0f;
      features_[i][1] = obs.humidity;
      features_[i][2] = (obs.pressure - 1000.0f) / 20.0f;
      conditions_[i] = kConditions.at(obs.condition);
    }
  }

  double epoch() {
    optimizer_.zero_grad();
    auto logits = model_->forward(features_);
    auto loss = F::cross_entropy(logits, conditions_,
                                 F::CrossEntropyFuncOptions().label_smoothing(0.05));
    loss.backward();
    optimizer_.step();
    return loss.item<double>();
  }

 private:
  torch::nn::Sequential model_;
  torch::optim::Adam optimizer_;
  torch::Tensor features_;
  torch::Tensor conditions_;
};

int main() {
  torch::manual_seed(0);
  std::vector<Observation> log = {
      {"sunny", 28.f, 0.30f, 1018.f}, {"cloudy", 19.f, 0.60f, 1009.f},
      {"rain", 14.f, 0.90f, 998.f},   {"snow", -3.f, 0.80f, 1002.f},
      {"sunny", 25.f, 0.35f, 1020.f}, {"rain", 12.f, 0.95f, 995.f},
      {"cloudy", 17.f, 0.55f, 1011.f}, {"snow", -6.f, 0.70f, 1005.f}};
  WeatherTrainer trainer(log);
  for (int e = 0; e < 10; ++e) {
    std::cout << "epoch " << e << " loss " << trainer.epoch() << "\n";
  }
  return 0;
}
