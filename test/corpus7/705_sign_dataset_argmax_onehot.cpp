// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.911278
#include <torch/torch.h>

#include <iostream>

// Traffic-sign crops whose annotations were exported as one-hot rows.
class SignDataset : public torch::data::datasets::Dataset<SignDataset> {
 public:
  SignDataset(int64_t count, int64_t classes) {
    auto ids = torch::arange(count, torch::kLong).remainder(classes);
    one_hot_ = torch::zeros({count, classes}).scatter_(1, ids.unsqueeze(1), 1.0);
    crops_ = torch::randn({count, 3, 6, 6}) + one_hot_.narrow(1, 0, 3).view({count, 3, 1, 1});
  }

  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {crops_[i], one_hot_[i].argmax()};
  }

  torch::optional<size_t> size() const override { return crops_.size(0); }

 private:
  torch::Tensor crops_;
  torch::Tensor one_hot_;
};

int main() {
  torch::manual_seed(0);
  const int64_t classes = 4;
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      SignDataset(24, classes).map(torch::data::transforms::Stack<>()), 8);

  torch::nn::Sequential net(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 6, 3)), torch::nn::ReLU(),
                            torch::nn::AdaptiveAvgPool2d(1), torch::nn::Flatten(),
                            torch::nn::Linear(6, classes));
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().weight(torch::tensor({1.0, 1.0, 1.5, 1.5})));
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-2));
  double last = 0.0;
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (auto& batch : *loader) {
      optimizer.zero_grad();
      auto loss = criterion(net->forward(batch.data), batch.target);
      loss.backward();
      optimizer.step();
      last = loss.item<double>();
    }
  }
  std::cout << "final loss=" << last << "\n";
  return 0;
}
