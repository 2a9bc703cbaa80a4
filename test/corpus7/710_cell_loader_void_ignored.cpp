// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.750521
#include <torch/torch.h>

#include <iostream>

#include "seg_blocks.h"

namespace F = torch::nn::functional;

// Cell segmentation; touching-cell borders are marked void (255) by the annotation tool.
constexpr int64_t kVoid = 255;
constexpr int64_t kCellClasses = 3;  // background, nucleus, cytoplasm

class CellDataset : public torch::data::datasets::Dataset<CellDataset> {
 public:
  explicit CellDataset(int64_t count) {
    auto sample = make_rectangles(count, 10, 10, kCellClasses);
    images_ = sample.images;
    masks_ = sample.masks.clone();
    auto border = sample.masks.narrow(1, 1, 9).ne(sample.masks.narrow(1, 0, 9));
    masks_.narrow(1, 1, 9).masked_fill_(border, kVoid);
  }

  torch::data::Example<> get(size_t index) override {
    return {images_[static_cast<int64_t>(index)], masks_[static_cast<int64_t>(index)]};
  }
  torch::optional<size_t> size() const override { return images_.size(0); }

 private:
  torch::Tensor images_;
  torch::Tensor masks_;
};

int main() {
  torch::manual_seed(0);
  auto loader = torch::data::make_data_loader(
      CellDataset(8).map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions().batch_size(4));

  torch::nn::Sequential net(ConvBnRelu(3, 8), ConvBnRelu(8, 8),
                            torch::nn::Conv2d(torch::nn::Conv2dOptions(8, kCellClasses, 1)));
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-2));
  const auto options = F::CrossEntropyFuncOptions().ignore_index(kVoid);
  double last = 0.0;
  for (int epoch = 0; epoch < 4; ++epoch) {
    for (auto& batch : *loader) {
      optimizer.zero_grad();
      auto loss = F::cross_entropy(net->forward(batch.data), batch.target, options);
      loss.backward();
      optimizer.step();
      last = loss.item<double>();
    }
  }
  std::cout << "final loss=" << last << "\n";
  return 0;
}
