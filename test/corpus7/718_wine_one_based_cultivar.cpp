// LABEL: torch-target-out-of-range
// LINE: 57
// RUNTIME: Target 3 is out of bounds.
#include <torch/torch.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// UCI-style wine records: cultivar (1, 2 or 3) followed by three measurements.
const std::string kWineRecords =
    "1,14.23,1.71,2.43\n"
    "1,13.20,1.78,2.14\n"
    "2,12.37,0.94,1.36\n"
    "2,12.33,1.10,2.28\n"
    "3,12.86,1.35,2.32\n"
    "3,12.88,2.99,2.40\n"
    "1,13.16,2.36,2.67\n"
    "2,12.64,1.36,2.02\n";

constexpr int64_t kNumCultivars = 3;

struct WineData {
  torch::Tensor measurements;
  torch::Tensor cultivar;
};

WineData read_wine(const std::string& text) {
  std::vector<float> values;
  std::vector<int64_t> cultivars;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string cell;
    std::getline(row, cell, ',');
    cultivars.push_back(std::stoi(cell));
    while (std::getline(row, cell, ',')) {
      values.push_back(std::stof(cell));
    }
  }
  const auto n = static_cast<int64_t>(cultivars.size());
  return {torch::tensor(values).view({n, 3}), torch::tensor(cultivars)};
}

int main() {
  torch::manual_seed(0);
  auto wine = read_wine(kWineRecords);
  auto x = (wine.measurements - wine.measurements.mean(0)) / wine.measurements.std(0);

  torch::nn::Linear model(3, kNumCultivars);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.1));
  for (int epoch = 0; epoch < 25; ++epoch) {
    optimizer.zero_grad();
    auto loss = criterion(model(x), wine.cultivar);
    loss.backward();
    optimizer.step();
  }
  std::cout << "done\n";
  return 0;
}
