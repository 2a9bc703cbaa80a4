// LABEL: torch-float-class-target
// LINE: 56
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// sepal length, sepal width, petal length, petal width, species
const char* kIrisCsv =
    "5.1,3.5,1.4,0.2,0\n"
    "4.9,3.0,1.4,0.2,0\n"
    "7.0,3.2,4.7,1.4,1\n"
    "6.4,3.2,4.5,1.5,1\n"
    "6.3,3.3,6.0,2.5,2\n"
    "5.8,2.7,5.1,1.9,2\n"
    "5.0,3.6,1.4,0.2,0\n"
    "5.5,2.3,4.0,1.3,1\n"
    "6.5,3.0,5.8,2.2,2\n";

std::vector<float> parse_csv(const std::string& text, int64_t* rows) {
  std::vector<float> values;
  std::istringstream lines(text);
  std::string line;
  *rows = 0;
  while (std::getline(lines, line)) {
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ',')) {
      values.push_back(std::stof(cell));
    }
    ++*rows;
  }
  return values;
}

int main() {
  torch::manual_seed(0);
  int64_t rows = 0;
  auto values = parse_csv(kIrisCsv, &rows);
  auto table = torch::from_blob(values.data(), {rows, 5}, torch::kFloat32).clone();
  auto measurements = table.narrow(/*dim=*/1, /*start=*/0, /*length=*/4);
  auto species = table.select(/*dim=*/1, /*index=*/4);

  auto mean = measurements.mean(0, /*keepdim=*/true);
  auto stddev = measurements.std(0, /*unbiased=*/true, /*keepdim=*/true);
  auto normalized = (measurements - mean) / stddev;

  torch::nn::Linear classifier(4, 3);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD optimizer(classifier->parameters(), torch::optim::SGDOptions(0.1));
  for (int epoch = 0; epoch < 20; ++epoch) {
    optimizer.zero_grad();
    auto loss = criterion(classifier(normalized), species);
    loss.backward();
    optimizer.step();
  }
  std::cout << "done\n";
  return 0;
}
