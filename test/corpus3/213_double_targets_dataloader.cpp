// LABEL: torch-float-class-target
// LINE: 34
// RUNTIME: expected scalar type Long but found Double
#include <torch/torch.h>
#include <iostream>

class PointsDataset : public torch::data::datasets::Dataset<PointsDataset> {
 public:
  explicit PointsDataset(int64_t n) {
    points_ = torch::randn({n, 2}, torch::kDouble);
    labels_ = (points_.select(1, 0) > 0).to(torch::kDouble) + (points_.select(1, 1) > 0).to(torch::kDouble);
  }
  torch::data::Example<> get(size_t i) override {
    return {points_[i], labels_[i]};
  }
  torch::optional<size_t> size() const override { return points_.size(0); }

 private:
  torch::Tensor points_, labels_;
};

int main() {
  torch::manual_seed(0);
  auto ds = PointsDataset(16).map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(ds), torch::data::DataLoaderOptions().batch_size(4));
  torch::nn::Sequential model(torch::nn::Linear(2, 8), torch::nn::ReLU(), torch::nn::Linear(8, 3));
  model->to(torch::kDouble);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(model->parameters(), 0.1);
  for (auto& batch : *loader) {
    opt.zero_grad();
    auto out = model->forward(batch.data);
    auto loss = criterion(out, batch.target);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<double>() << std::endl;
  }
  return 0;
}
