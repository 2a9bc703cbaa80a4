// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.367536
#include <torch/torch.h>
#include <iostream>

struct BlobDataset : torch::data::datasets::Dataset<BlobDataset> {
  torch::Tensor x, y;
  BlobDataset() {
    auto centers = torch::tensor({{2.0f, 0.0f}, {-2.0f, 0.0f}, {0.0f, 2.0f}});
    y = torch::arange(0, 3, torch::kLong).repeat({4});
    x = centers.index_select(0, y) + 0.3 * torch::randn({12, 2});
  }
  torch::data::Example<> get(size_t i) override { return {x[i], y[i]}; }
  torch::optional<size_t> size() const override { return 12; }
};

int main() {
  torch::manual_seed(0);
  auto loader = torch::data::make_data_loader(
      BlobDataset().map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions().batch_size(6));
  torch::nn::Linear model(2, 3);
  torch::nn::CrossEntropyLoss loss_fn;
  torch::optim::SGD opt(model->parameters(), 0.2);
  float last = 0.f;
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (auto& batch : *loader) {
      opt.zero_grad();
      auto loss = loss_fn(model(batch.data), batch.target);
      loss.backward();
      opt.step();
      last = loss.item<float>();
    }
  }
  std::cout << "loss=" << last << std::endl;
  return 0;
}
