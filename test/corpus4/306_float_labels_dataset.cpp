// LABEL: torch-float-class-target
// LINE: 42
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kRows = 40;

// Stand-in for rows parsed from a CSV file: four features and a class id.
class BlobDataset : public torch::data::datasets::Dataset<BlobDataset> {
 public:
  BlobDataset() {
    features_ = torch::randn({kRows, 4});
    labels_ = torch::empty({kRows});
    for (int64_t i = 0; i < kRows; ++i) {
      labels_[i] = i % 3;
    }
  }
  torch::data::Example<> get(size_t index) override {
    return {features_[index], labels_[index]};
  }
  torch::optional<size_t> size() const override { return kRows; }

 private:
  torch::Tensor features_, labels_;
};

int main() {
  torch::manual_seed(0);
  auto dataset = BlobDataset().map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(dataset), torch::data::DataLoaderOptions().batch_size(8));

  torch::nn::Linear model(4, 3);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (auto& batch : *loader) {
      opt.zero_grad();
      loss = criterion(model(batch.data), batch.target);
      loss.backward();
      opt.step();
    }
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
