// LABEL: torch-stray-unsqueeze
// LINE: 42
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include "mlp.h"

#include <iostream>
#include <vector>

// Rows of a small table: features are columns 0..d-1, label is the argmax of the first k columns.
class TableDataset : public torch::data::datasets::Dataset<TableDataset> {
 public:
  TableDataset(int64_t rows, int64_t cols, int64_t k) {
    table_ = torch::randn({rows, cols});
    labels_ = table_.narrow(1, 0, k).argmax(1);
  }

  torch::data::Example<> get(size_t index) override {
    const auto i = static_cast<int64_t>(index);
    return {table_[i], labels_[i].unsqueeze(0)};
  }

  torch::optional<size_t> size() const override { return static_cast<size_t>(table_.size(0)); }

 private:
  torch::Tensor table_, labels_;
};

class Classifier {
 public:
  Classifier(int64_t in, int64_t num_classes)
      : net_(in, std::vector<int64_t>{24, 24}, num_classes, 0.1),
        opt_(net_->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9)) {}

  template <typename DataLoader>
  float fit_one_epoch(DataLoader& loader) {
    net_->train();
    float running = 0;
    size_t seen = 0;
    for (auto& batch : loader) {
      opt_.zero_grad();
      auto logits = net_->forward(batch.data);
      auto loss = criterion_(logits, batch.target);
      loss.backward();
      opt_.step();
      running += loss.template item<float>();
      ++seen;
    }
    return running / seen;
  }

 private:
  MLP net_;
  torch::optim::SGD opt_;
  torch::nn::CrossEntropyLoss criterion_;
};

int main() {
  torch::manual_seed(0);
  const int64_t k = 3;
  auto ds = TableDataset(90, 8, k).map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
      std::move(ds), torch::data::DataLoaderOptions().batch_size(15).drop_last(true));
  Classifier clf(8, k);
  for (int epoch = 0; epoch < 5; ++epoch) {
    std::cout << "epoch " << epoch << " loss=" << clf.fit_one_epoch(*loader) << "\n";
  }
}
