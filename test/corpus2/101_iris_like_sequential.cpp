// LABEL: torch-softmax-before-cross-entropy
// LINE: 32
// RUNTIME: ran, loss=0.914646
#include <torch/torch.h>

#include <iostream>

int main() {
  torch::manual_seed(0);

  const int64_t n_samples = 60;
  const int64_t n_features = 4;
  const int64_t n_classes = 3;

  // three noisy clusters
  auto centers = torch::tensor({{5.0, 3.4, 1.5, 0.2}, {5.9, 2.8, 4.3, 1.3}, {6.6, 3.0, 5.5, 2.0}});
  auto y = torch::arange(n_samples) % n_classes;
  auto X = centers.index_select(0, y).to(torch::kFloat) + 0.3 * torch::randn({n_samples, n_features});

  torch::nn::Sequential net(
      torch::nn::Linear(n_features, 16),
      torch::nn::ReLU(),
      torch::nn::Linear(16, n_classes),
      torch::nn::Softmax(torch::nn::SoftmaxOptions(1)));

  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.1));

  for (int epoch = 0; epoch < 20; ++epoch) {
    opt.zero_grad();
    auto out = net->forward(X);
    auto loss = criterion(out, y);
    loss.backward();
    opt.step();
    if (epoch % 5 == 4)
      std::cout << "epoch " << epoch + 1 << " loss=" << loss.item<float>() << std::endl;
  }

  auto pred = net->forward(X).argmax(1);
  std::cout << "train acc " << pred.eq(y).to(torch::kFloat).mean().item<float>() << std::endl;
  return 0;
}
