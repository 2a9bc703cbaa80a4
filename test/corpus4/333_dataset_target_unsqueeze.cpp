// LABEL: torch-stray-unsqueeze
// LINE: 35
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kSamples = 24;
constexpr int64_t kClasses = 3;

struct SensorDataset : torch::data::datasets::Dataset<SensorDataset> {
  torch::Tensor readings = torch::randn({kSamples, 6});

  torch::data::Example<> get(size_t i) override {
    int64_t label = static_cast<int64_t>(i) % kClasses;
    return {readings[i], torch::tensor(label).unsqueeze(0)};
  }
  torch::optional<size_t> size() const override { return kSamples; }
};

int main() {
  torch::manual_seed(0);
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      SensorDataset().map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions().batch_size(6));

  torch::nn::Sequential net(torch::nn::Linear(6, 12), torch::nn::ReLU(),
                            torch::nn::Linear(12, kClasses),
                            torch::nn::LogSoftmax(1));
  torch::nn::NLLLoss nll;
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (auto& batch : *loader) {
    opt.zero_grad();
    loss = nll(net->forward(batch.data), batch.target);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
