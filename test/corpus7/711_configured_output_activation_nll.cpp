// LABEL: torch-softmax-before-nll-loss
// LINE: 46
// RUNTIME: ran, loss=-0.58617
#include <torch/torch.h>

#include <functional>
#include <iostream>
#include <string>

enum class OutputActivation { kIdentity, kLogSoftmax, kSoftmax };

struct ExperimentConfig {
  std::string name = "genre-tagger";
  int64_t num_genres = 4;
  int64_t feature_dim = 8;
  OutputActivation activation = OutputActivation::kSoftmax;
  int epochs = 30;
};

std::function<torch::Tensor(const torch::Tensor&)> make_activation(OutputActivation kind) {
  switch (kind) {
    case OutputActivation::kLogSoftmax:
      return [](const torch::Tensor& t) { return torch::log_softmax(t, 1); };
    case OutputActivation::kSoftmax:
      return [](const torch::Tensor& t) { return torch::softmax(t, 1); };
    case OutputActivation::kIdentity:
    default:
      return [](const torch::Tensor& t) { return t; };
  }
}

int main() {
  torch::manual_seed(0);
  ExperimentConfig cfg;
  torch::nn::Linear model(cfg.feature_dim, cfg.num_genres);
  auto activate = make_activation(cfg.activation);

  auto genre = torch::arange(48, torch::kLong).remainder(cfg.num_genres);
  auto tempo = torch::randn({48, cfg.feature_dim}) +
               torch::one_hot(genre, cfg.feature_dim).to(torch::kFloat) * 2.0;

  torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.3));
  torch::Tensor loss;
  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {
    optimizer.zero_grad();
    loss = torch::nll_loss(activate(model(tempo)), genre);
    loss.backward();
    optimizer.step();
  }
  std::cout << cfg.name << " final loss=" << loss.item<double>() << "\n";
  return 0;
}
