// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.2628
#include <torch/torch.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

// The label file numbers bird species from 1 (as the field guide does).
const std::map<std::string, int64_t> kSpeciesNumber = {
    {"robin", 1}, {"sparrow", 2}, {"finch", 3}, {"wren", 4}};

class BirdCalls : public torch::data::datasets::Dataset<BirdCalls> {
 public:
  BirdCalls(torch::Tensor calls, std::vector<std::string> species)
      : calls_(std::move(calls)), species_(std::move(species)) {}

  torch::data::Example<> get(size_t i) override {
    int64_t number = kSpeciesNumber.at(species_[i]);
    auto label = torch::tensor(number - 1, torch::kLong);  // 0-based class index
    return {calls_[static_cast<int64_t>(i)], label};
  }
  torch::optional<size_t> size() const override { return species_.size(); }

 private:
  torch::Tensor calls_;
  std::vector<std::string> species_;
};

struct BirdNetImpl : torch::nn::Module {
  explicit BirdNetImpl(int64_t species) {
    net = register_module("net", torch::nn::Sequential(torch::nn::Linear(20, 16), torch::nn::ReLU(),
                                                      torch::nn::Linear(16, species)));
  }
  torch::Tensor forward(torch::Tensor x) { return net->forward(x); }
  torch::nn::Sequential net{nullptr};
};
TORCH_MODULE(BirdNet);

int main() {
  torch::manual_seed(0);
  std::vector<std::string> species = {"wren", "robin", "finch", "wren", "sparrow", "robin"};
  auto data = BirdCalls(torch::randn({6, 20}), species).map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(data), 3);

  BirdNet net(static_cast<int64_t>(kSpeciesNumber.size()));
  torch::nn::CrossEntropyLoss ce;
  torch::optim::Adam opt(net->parameters(), 0.01);
  double last = 0;
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (auto& batch : *loader) {
      opt.zero_grad();
      auto loss = ce(net(batch.data), batch.target);
      loss.backward();
      opt.step();
      last = loss.item<double>();
    }
  }
  std::cout << "loss=" << last << std::endl;
}
