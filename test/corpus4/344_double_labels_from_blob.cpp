// LABEL: torch-float-class-target
// LINE: 37
// RUNTIME: expected scalar type Long but found Double
#include <torch/torch.h>
#include <iostream>
#include <vector>

constexpr int64_t kClasses = 3;

struct Split {
  torch::Tensor x;
  torch::Tensor y;
};

// Numeric columns parsed with std::stod, class id included.
Split parse_split(std::vector<double>& class_column) {
  auto n = static_cast<int64_t>(class_column.size());
  Split s;
  s.x = torch::randn({n, 4});
  s.y = torch::from_blob(class_column.data(), {n}, torch::kFloat64).clone();
  return s;
}

int main() {
  torch::manual_seed(0);
  std::vector<double> class_column = {0, 1, 2, 2, 1, 0, 0, 1, 2, 1};
  Split train = parse_split(class_column);

  auto model = torch::nn::Linear(4, kClasses);
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().label_smoothing(0.05));
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    loss = criterion(model(train.x), train.y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
