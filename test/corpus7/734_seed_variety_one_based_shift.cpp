// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.236463
#include <torch/torch.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// Seed varieties are numbered 1..3 in the source data (Kama, Rosa, Canadian).
const std::string kSeeds =
    "15.26 14.84 0.871 1\n"
    "14.88 14.57 0.881 1\n"
    "17.63 15.98 0.867 2\n"
    "16.84 15.67 0.862 2\n"
    "11.84 13.21 0.853 3\n"
    "12.30 13.34 0.868 3\n"
    "14.29 14.09 0.905 1\n"
    "18.72 16.19 0.897 2\n"
    "11.23 12.63 0.884 3\n";

struct SeedTable {
  torch::Tensor geometry;  // [N, 3]
  torch::Tensor variety;   // [N], 1-based
};

SeedTable parse(const std::string& text) {
  std::istringstream in(text);
  std::vector<float> geometry;
  std::vector<int64_t> variety;
  float a, b, c;
  int64_t v;
  while (in >> a >> b >> c >> v) {
    geometry.insert(geometry.end(), {a, b, c});
    variety.push_back(v);
  }
  return {torch::tensor(geometry).view({-1, 3}), torch::tensor(variety)};
}

class SeedNetImpl : public torch::nn::Module {
 public:
  SeedNetImpl() : fc1_(3, 8), fc2_(8, 3) {
    register_module("fc1", fc1_);
    register_module("fc2", fc2_);
  }
  // Log-probabilities: the same module is used for likelihood scoring.
  torch::Tensor forward(const torch::Tensor& x) {
    return torch::log_softmax(fc2_(torch::relu(fc1_(x))), /*dim=*/1);
  }

 private:
  torch::nn::Linear fc1_, fc2_;
};
TORCH_MODULE(SeedNet);

int main() {
  torch::manual_seed(0);
  auto table = parse(kSeeds);
  auto x = (table.geometry - table.geometry.mean(0)) / table.geometry.std(0);
  auto target = table.variety - 1;

  SeedNet net;
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD optimizer(net->parameters(), torch::optim::SGDOptions(0.2));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 40; ++epoch) {
    optimizer.zero_grad();
    loss = criterion(net(x), target);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
