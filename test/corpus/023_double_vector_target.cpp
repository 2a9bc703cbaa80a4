// LABEL: torch-float-class-target
// LINE: 38
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

static const char* kCsv =
    "0.1,0.5,0.2,1\n"
    "0.9,0.1,0.3,0\n"
    "0.4,0.4,0.8,2\n"
    "0.2,0.7,0.6,1\n";

int main() {
  torch::manual_seed(0);
  std::vector<float> feats;
  std::vector<double> labels;

  std::istringstream in(kCsv);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string cell;
    std::vector<double> vals;
    while (std::getline(row, cell, ',')) vals.push_back(std::stod(cell));
    for (size_t i = 0; i + 1 < vals.size(); ++i) feats.push_back(static_cast<float>(vals[i]));
    labels.push_back(vals.back());
  }

  const int64_t n = static_cast<int64_t>(labels.size());
  auto X = torch::tensor(feats).view({n, 3});
  auto Y = torch::tensor(labels);

  auto model = torch::nn::Sequential(torch::nn::Linear(3, 8), torch::nn::ReLU(), torch::nn::Linear(8, 3));
  auto criterion = torch::nn::CrossEntropyLoss();
  auto loss = criterion(model->forward(X), Y);
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
