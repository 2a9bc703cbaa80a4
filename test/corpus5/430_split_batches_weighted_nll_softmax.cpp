// LABEL: torch-softmax-before-nll-loss
// LINE: 35
// RUNTIME: ran, loss=-0.460523
#include <torch/torch.h>

#include <iostream>
#include <utility>
#include <vector>

namespace F = torch::nn::functional;

constexpr int64_t kClasses = 3;
constexpr int64_t kBatchSize = 4;

int main() {
  torch::manual_seed(0);
  auto X = torch::randn({12, 5});
  auto Y = torch::arange(12) % kClasses;

  std::vector<std::pair<torch::Tensor, torch::Tensor>> batches;
  auto xs = X.split(kBatchSize);
  auto ys = Y.split(kBatchSize);
  for (size_t i = 0; i < xs.size(); ++i) batches.push_back(std::make_pair(xs[i], ys[i]));

  torch::nn::Linear model(5, kClasses);
  auto class_weights = torch::tensor({1.0f, 2.0f, 1.0f});
  torch::nn::NLLLoss criterion(torch::nn::NLLLossOptions().weight(class_weights));
  torch::optim::SGD opt(model->parameters(), 0.1);

  float last = 0;
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (const auto& batch : batches) {
      opt.zero_grad();
      auto scores = F::softmax(model(batch.first), F::SoftmaxFuncOptions(1));
      auto loss = criterion(scores, batch.second);
      loss.backward();
      opt.step();
      last = loss.item<float>();
    }
  }
  std::cout << "loss=" << last << std::endl;
}
