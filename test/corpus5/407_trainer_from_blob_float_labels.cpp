// LABEL: torch-float-class-target
// LINE: 29
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// Rows of "f0,f1,f2,label" as exported by the labelling tool.
const char* kCsv =
    "0.1,0.5,0.2,0\n0.9,0.1,0.4,2\n0.3,0.3,0.8,1\n0.7,0.2,0.1,2\n0.2,0.6,0.5,0\n0.5,0.9,0.3,1\n";

class Trainer {
 public:
  Trainer(torch::nn::Sequential model, std::vector<float> labels, torch::Tensor inputs)
      : model_(std::move(model)),
        labels_(std::move(labels)),
        inputs_(std::move(inputs)),
        opt_(model_->parameters(), torch::optim::SGDOptions(0.1)) {
    targets_ = torch::from_blob(labels_.data(), {static_cast<int64_t>(labels_.size())},
                                torch::kFloat32);
  }

  float step() {
    opt_.zero_grad();
    auto logits = model_->forward(inputs_);
    auto loss = criterion_(logits, targets_);
    loss.backward();
    opt_.step();
    return loss.item<float>();
  }

 private:
  torch::nn::Sequential model_;
  std::vector<float> labels_;
  torch::Tensor inputs_;
  torch::Tensor targets_;
  torch::nn::CrossEntropyLoss criterion_;
  torch::optim::SGD opt_;
};

int main() {
  torch::manual_seed(0);
  std::vector<float> features, labels;
  std::istringstream csv(kCsv);
  std::string line;
  while (std::getline(csv, line)) {
    std::istringstream row(line);
    std::string field;
    std::vector<float> values;
    while (std::getline(row, field, ',')) values.push_back(std::stof(field));
    features.insert(features.end(), values.begin(), values.end() - 1);
    labels.push_back(values.back());
  }
  auto inputs = torch::tensor(features).view({-1, 3});

  torch::nn::Sequential model(torch::nn::Linear(3, 8), torch::nn::Tanh(), torch::nn::Linear(8, 3));
  Trainer trainer(model, labels, inputs);
  float loss = 0;
  for (int epoch = 0; epoch < 3; ++epoch) loss = trainer.step();
  std::cout << "loss=" << loss << std::endl;
}
