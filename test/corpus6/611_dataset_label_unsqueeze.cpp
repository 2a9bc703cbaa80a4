// LABEL: torch-stray-unsqueeze
// LINE: 57
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>

#include <iostream>
#include <vector>

// Audio clip classifier: MFCC frames -> one of four sound events.
class ClipDataset : public torch::data::datasets::Dataset<ClipDataset> {
 public:
  ClipDataset(torch::Tensor mfcc, std::vector<int64_t> events)
      : mfcc_(std::move(mfcc)), events_(std::move(events)) {}

  torch::data::Example<> get(size_t idx) override {
    auto clip = mfcc_[static_cast<int64_t>(idx)];
    // keep the label as a tensor with a length, like the features
    auto event = torch::tensor(events_[idx], torch::kLong).unsqueeze(0);
    return {clip, event};
  }

  torch::optional<size_t> size() const override { return events_.size(); }

 private:
  torch::Tensor mfcc_;
  std::vector<int64_t> events_;
};

struct EventNetImpl : torch::nn::Module {
  EventNetImpl() {
    conv_ = register_module("conv", torch::nn::Conv1d(torch::nn::Conv1dOptions(13, 8, 3)));
    fc_ = register_module("fc", torch::nn::Linear(8, 4));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto h = torch::relu(conv_(x));       // [B, 8, T-2]
    return fc_(std::get<0>(h.max(2)));    // [B, 4]
  }
  torch::nn::Conv1d conv_{nullptr};
  torch::nn::Linear fc_{nullptr};
};
TORCH_MODULE(EventNet);

int main() {
  torch::manual_seed(0);
  std::vector<int64_t> events = {0, 3, 1, 1, 2, 0, 3, 2};
  auto ds = ClipDataset(torch::randn({8, 13, 10}), events)
                .map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(ds), torch::data::DataLoaderOptions().batch_size(4).drop_last(true));

  EventNet net;
  torch::nn::CrossEntropyLoss ce;
  torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (auto& b : *loader) {
      sgd.zero_grad();
      auto loss = ce(net(b.data), b.target);
      loss.backward();
      sgd.step();
      std::cout << "loss=" << loss.item<float>() << "\n";
    }
  }
}
