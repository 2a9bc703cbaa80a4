// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=4.39733
#include <torch/torch.h>
#include <iostream>
#include <sstream>

class CachedDataset : public torch::data::datasets::Dataset<CachedDataset> {
 public:
  CachedDataset(torch::Tensor x, torch::Tensor y) : x_(std::move(x)), y_(std::move(y)) {}
  torch::data::Example<> get(size_t i) override { return {x_[i], y_[i]}; }
  torch::optional<size_t> size() const override { return x_.size(0); }

 private:
  torch::Tensor x_, y_;
};

torch::Tensor load_tensor(std::istream& in) {
  torch::Tensor t;
  torch::load(t, in);
  return t;
}

int main() {
  torch::manual_seed(0);
  // simulate a cache file on disk
  std::stringstream x_file, y_file;
  torch::save(torch::randn({10, 4}), x_file);
  torch::save(torch::randint(0, 3, {10}), y_file);

  auto dataset = CachedDataset(load_tensor(x_file), load_tensor(y_file))
                     .map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(dataset), /*batch_size=*/4);

  torch::nn::Linear model(4, 3);
  torch::optim::SGD opt(model->parameters(), 0.1);
  torch::nn::CrossEntropyLoss criterion;

  for (int epoch = 0; epoch < 2; ++epoch) {
    double total = 0;
    for (auto& batch : *loader) {
      opt.zero_grad();
      auto loss = criterion(model(batch.data), batch.target);
      loss.backward();
      opt.step();
      total += loss.item<double>();
    }
    std::cout << "epoch " << epoch << " loss=" << total << std::endl;
  }
}
