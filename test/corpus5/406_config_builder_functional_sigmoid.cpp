// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 39
// RUNTIME: ran, loss=1.12162
#include <torch/torch.h>

#include <iostream>

struct DetectorConfig {
  int64_t in_features = 8;
  int64_t hidden = 16;
  bool output_probability = true;  // the exported model must return a probability
  double pos_weight = 3.0;
};

torch::nn::Sequential build_detector(const DetectorConfig& cfg) {
  torch::nn::Sequential seq(torch::nn::Linear(cfg.in_features, cfg.hidden),
                            torch::nn::ReLU(),
                            torch::nn::Linear(cfg.hidden, 1));
  if (cfg.output_probability) {
    seq->push_back(torch::nn::Functional(torch::sigmoid));
  }
  return seq;
}

int main() {
  torch::manual_seed(0);
  DetectorConfig cfg;
  auto detector = build_detector(cfg);
  torch::nn::BCEWithLogitsLoss criterion(
      torch::nn::BCEWithLogitsLossOptions().pos_weight(torch::tensor({cfg.pos_weight})));
  torch::optim::SGD opt(detector->parameters(), torch::optim::SGDOptions(0.1));

  auto x = torch::randn({12, cfg.in_features});
  auto y = (x.select(1, 0) > 0.5).to(torch::kFloat).unsqueeze(1);

  torch::Tensor loss;
  for (int it = 0; it < 4; ++it) {
    opt.zero_grad();
    loss = criterion(detector->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
