// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.197672
#include <torch/torch.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

static const char* kCsv =
    "5.1,3.5,1.4,0.2,0\n"
    "4.9,3.0,1.4,0.2,0\n"
    "7.0,3.2,4.7,1.4,1\n"
    "6.4,3.2,4.5,1.5,1\n"
    "6.3,3.3,6.0,2.5,2\n"
    "5.8,2.7,5.1,1.9,2\n"
    "5.0,3.6,1.4,0.2,0\n"
    "6.9,3.1,4.9,1.5,1\n"
    "7.1,3.0,5.9,2.1,2\n";

void parse_csv(const std::string& text, std::vector<float>& features, std::vector<int>& labels) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream cells(line);
    std::string cell;
    std::vector<std::string> row;
    while (std::getline(cells, cell, ',')) row.push_back(cell);
    for (size_t i = 0; i + 1 < row.size(); ++i) features.push_back(std::stof(row[i]));
    labels.push_back(std::stoi(row.back()));
  }
}

int main() {
  torch::manual_seed(0);
  std::vector<float> feats;
  std::vector<int> labels;
  parse_csv(kCsv, feats, labels);

  const int64_t n = static_cast<int64_t>(labels.size());
  auto X = torch::tensor(feats).view({n, 4});
  X = (X - X.mean(0)) / X.std(0);
  auto y = torch::tensor(labels);

  torch::nn::Linear clf(4, 3);
  torch::optim::SGD opt(clf->parameters(), torch::optim::SGDOptions(0.3));
  torch::nn::CrossEntropyLoss ce;
  for (int it = 0; it < 50; ++it) {
    opt.zero_grad();
    auto loss = ce(clf(X), y);
    loss.backward();
    opt.step();
    if (it == 49) std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
