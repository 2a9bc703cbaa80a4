// LABEL: torch-float-class-target
// LINE: 65
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>
#include <string>
#include <vector>

struct Record {
  std::vector<float> pixels;
  int digit;
};

// Reads pre-parsed records; each example is (pixels, digit).
class DigitRecords : public torch::data::datasets::Dataset<DigitRecords> {
 public:
  explicit DigitRecords(std::vector<Record> records) : records_(std::move(records)) {}

  ExampleType get(size_t index) override {
    const Record& r = records_.at(index);
    auto image = torch::tensor(r.pixels).view({1, 4, 4});
    auto label = torch::tensor(static_cast<float>(r.digit));
    return {image, label};
  }

  torch::optional<size_t> size() const override { return records_.size(); }

 private:
  std::vector<Record> records_;
};

struct TinyConvImpl : torch::nn::Module {
  TinyConvImpl() {
    conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 4, 3).padding(1)));
    fc = register_module("fc", torch::nn::Linear(4 * 4 * 4, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(conv(x));
    return fc(x.flatten(1));
  }
  torch::nn::Conv2d conv{nullptr};
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(TinyConv);

int main() {
  torch::manual_seed(0);
  std::vector<Record> records;
  for (int i = 0; i < 12; ++i) {
    std::vector<float> px(16);
    for (int j = 0; j < 16; ++j) px[j] = static_cast<float>((i * 7 + j * 3) % 11) / 10.f;
    records.push_back({px, i % 10});
  }

  auto loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
      DigitRecords(records).map(torch::data::transforms::Stack<>()), 4);
  TinyConv net;
  torch::optim::SGD opt(net->parameters(), 0.1);
  torch::nn::CrossEntropyLoss loss_fn;

  for (auto& batch : *loader) {
    opt.zero_grad();
    auto logits = net->forward(batch.data);
    auto loss = loss_fn(logits, batch.target);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << std::endl;
  }
}
