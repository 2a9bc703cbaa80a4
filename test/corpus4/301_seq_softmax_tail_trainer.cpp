// LABEL: torch-softmax-before-cross-entropy
// LINE: 41
// RUNTIME: ran, loss=1.35735
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kFeatures = 20;
constexpr int64_t kClasses = 4;
constexpr int64_t kBatch = 16;
constexpr int64_t kBatches = 4;

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl() {
    net = register_module("net", torch::nn::Sequential(
        torch::nn::Linear(kFeatures, 64),
        torch::nn::ReLU(),
        torch::nn::Linear(64, kClasses),
        torch::nn::Softmax(torch::nn::SoftmaxOptions(1))));
  }
  torch::Tensor forward(torch::Tensor x) { return net->forward(x); }
  torch::nn::Sequential net{nullptr};
};
TORCH_MODULE(Classifier);

int main() {
  torch::manual_seed(0);
  Classifier model;
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));
  torch::nn::CrossEntropyLoss criterion;

  auto inputs = torch::randn({kBatch * kBatches, kFeatures});
  auto labels = torch::randint(0, kClasses, {kBatch * kBatches});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (int64_t b = 0; b < kBatches; ++b) {
      auto x = inputs.slice(0, b * kBatch, (b + 1) * kBatch);
      auto y = labels.slice(0, b * kBatch, (b + 1) * kBatch);
      opt.zero_grad();
      auto probs = model->forward(x);
      loss = criterion(probs, y);
      loss.backward();
      opt.step();
    }
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
