// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.32207
#include <torch/torch.h>

#include <iostream>
#include <vector>

struct ClassifierConfig {
  int64_t in_features = 12;
  std::vector<int64_t> hidden = {32, 16};
  int64_t num_classes = 4;
  double dropout = 0.0;
};

torch::nn::Sequential make_classifier(const ClassifierConfig& cfg) {
  torch::nn::Sequential seq;
  int64_t width = cfg.in_features;
  for (int64_t h : cfg.hidden) {
    seq->push_back(torch::nn::Linear(width, h));
    seq->push_back(torch::nn::ReLU());
    if (cfg.dropout > 0) seq->push_back(torch::nn::Dropout(cfg.dropout));
    width = h;
  }
  seq->push_back(torch::nn::Linear(width, cfg.num_classes));
  seq->push_back(torch::nn::Functional(
      [](const torch::Tensor& t) { return torch::log_softmax(t, /*dim=*/1); }));
  return seq;
}

int main() {
  torch::manual_seed(0);
  ClassifierConfig cfg;
  auto model = make_classifier(cfg);
  torch::nn::NLLLoss criterion;
  torch::optim::Adam opt(model->parameters(), 5e-3);

  auto x = torch::randn({16, cfg.in_features});
  auto y = torch::randint(0, cfg.num_classes, {16});

  torch::Tensor loss;
  for (int it = 0; it < 5; ++it) {
    opt.zero_grad();
    auto log_probs = model->forward(x);
    loss = criterion(log_probs, y);
    loss.backward();
    opt.step();
  }
  auto probs = model->forward(x).exp();
  std::cout << "top prob=" << probs.max().item<float>() << "\n";
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
