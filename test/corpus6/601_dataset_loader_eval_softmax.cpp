// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.13054
#include <torch/torch.h>

#include <iostream>
#include <vector>

// Iris-like toy data: four features, three species.
class FlowerDataset : public torch::data::datasets::Dataset<FlowerDataset> {
 public:
  explicit FlowerDataset(int64_t n) {
    features_ = torch::randn({n, 4});
    species_ = torch::randint(0, 3, {n}, torch::kLong);
  }

  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {features_[i], species_[i]};
  }

  torch::optional<size_t> size() const override {
    return static_cast<size_t>(features_.size(0));
  }

 private:
  torch::Tensor features_;
  torch::Tensor species_;
};

struct FlowerNetImpl : torch::nn::Module {
  FlowerNetImpl() {
    hidden = register_module("hidden", torch::nn::Linear(4, 16));
    out = register_module("out", torch::nn::Linear(16, 3));
  }
  torch::Tensor forward(torch::Tensor x) {
    return out(torch::relu(hidden(x)));
  }
  torch::nn::Linear hidden{nullptr}, out{nullptr};
};
TORCH_MODULE(FlowerNet);

int main() {
  torch::manual_seed(0);
  auto train_set = FlowerDataset(24).map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(train_set), torch::data::DataLoaderOptions().batch_size(8));

  FlowerNet net;
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-2));
  torch::nn::CrossEntropyLoss criterion;

  double last = 0.0;
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (auto& batch : *loader) {
      opt.zero_grad();
      auto logits = net->forward(batch.data);
      auto loss = criterion(logits, batch.target);
      loss.backward();
      opt.step();
      last = loss.item<double>();
    }
  }

  // Evaluation: probabilities only for reporting confidence and accuracy.
  torch::NoGradGuard no_grad;
  net->eval();
  auto probe = torch::randn({6, 4});
  auto probs = torch::softmax(net->forward(probe), /*dim=*/1);
  auto confidence = std::get<0>(probs.max(1));
  auto predicted = probs.argmax(1);
  std::cout << "mean confidence " << confidence.mean().item<double>() << ", class 0 predicted "
            << predicted.eq(0).sum().item<int64_t>() << " times\n";
  std::cout << "loss=" << last << std::endl;
}
