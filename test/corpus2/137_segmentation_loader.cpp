// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.990674
#include "seg_net.h"

#include <iostream>

class StripesDataset : public torch::data::datasets::Dataset<StripesDataset> {
 public:
  StripesDataset(int64_t count, int64_t h, int64_t w, int64_t n_classes)
      : count_(count), h_(h), w_(w), n_classes_(n_classes) {}

  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    // vertical stripes whose class depends on column and sample index
    auto cols = (torch::arange(w_) + i) % n_classes_;
    auto mask = cols.unsqueeze(0).expand({h_, w_}).contiguous();
    auto image = mask.to(torch::kFloat).unsqueeze(0) / n_classes_ + 0.05 * torch::randn({1, h_, w_});
    return {image, mask};
  }

  torch::optional<size_t> size() const override { return static_cast<size_t>(count_); }

 private:
  int64_t count_, h_, w_, n_classes_;
};

int main() {
  torch::manual_seed(0);
  const int64_t n_classes = 3;
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      StripesDataset(12, 8, 8, n_classes).map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions().batch_size(4));

  SegNet net(1, n_classes, 6);
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-2));
  torch::nn::CrossEntropyLoss criterion;

  float last = 0.f;
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (auto& batch : *loader) {
      optimizer.zero_grad();
      auto logits = net->forward(batch.data);
      auto loss = criterion(logits, batch.target);
      loss.backward();
      optimizer.step();
      last = loss.item<float>();
    }
    std::cout << "epoch " << epoch << " loss=" << last << "\n";
  }

  net->eval();
  torch::NoGradGuard ng;
  auto sample = StripesDataset(1, 8, 8, n_classes).get(0);
  auto pred = net->forward(sample.data.unsqueeze(0)).argmax(1).squeeze(0);
  std::cout << "pixel acc " << pred.eq(sample.target).to(torch::kFloat).mean().item<float>() << "\n";
}
