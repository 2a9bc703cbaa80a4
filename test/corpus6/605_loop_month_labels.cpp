// LABEL: torch-target-out-of-range
// LINE: 49
// RUNTIME: Target 12 is out of bounds.
#include <torch/torch.h>

#include <iostream>
#include <vector>

// Predicts the calendar month of a weather reading.
static constexpr int64_t kMonths = 12;

struct SeasonNet : torch::nn::Module {
  torch::nn::Sequential body;
  SeasonNet()
      : body(register_module("body", torch::nn::Sequential(torch::nn::Linear(3, 20),
                                                            torch::nn::ReLU(),
                                                            torch::nn::Linear(20, kMonths)))) {}
  torch::Tensor forward(torch::Tensor x) { return body->forward(x); }
};

struct Reading {
  float temperature, humidity, daylight;
  int64_t month;  // 1 = January ... 12 = December
};

std::vector<Reading> load_readings() {
  std::vector<Reading> out;
  for (int64_t day = 0; day < 36; ++day) {
    int64_t month = (day / 3) % kMonths + 1;
    out.push_back({static_cast<float>(month) * 2.f, 0.5f, static_cast<float>(day % 7), month});
  }
  return out;
}

int main() {
  torch::manual_seed(0);
  auto readings = load_readings();
  std::vector<float> feats;
  std::vector<int64_t> months;
  for (const auto& r : readings) {
    feats.insert(feats.end(), {r.temperature, r.humidity, r.daylight});
    months.push_back(r.month);
  }
  auto x = torch::tensor(feats).view({-1, 3});
  auto y = torch::tensor(months);

  SeasonNet net;
  torch::optim::Adam adam(net.parameters());
  auto loss = torch::nn::functional::cross_entropy(net.forward(x), y);
  loss.backward();
  adam.step();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
