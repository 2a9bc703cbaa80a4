// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.133
#include <torch/torch.h>
#include <iostream>
#include <string>

struct Config {
  bool outputs_are_probabilities = false;
  double lr = 0.1;
  int epochs = 3;
};

static Config parse_config(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--probs") c.outputs_are_probabilities = true;
  }
  return c;
}

int main(int argc, char** argv) {
  torch::manual_seed(0);
  Config cfg = parse_config(argc, argv);
  torch::nn::Sequential model(torch::nn::Linear(4, 8), torch::nn::ReLU(), torch::nn::Linear(8, 3));
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(model->parameters(), cfg.lr);
  auto x = torch::randn({8, 4});
  auto y = torch::randint(0, 3, {8}, torch::kLong);
  torch::Tensor loss;
  for (int e = 0; e < cfg.epochs; ++e) {
    opt.zero_grad();
    auto out = model->forward(x);
    if (cfg.outputs_are_probabilities) {
      out = torch::softmax(out, 1);
      loss = torch::nll_loss(torch::log(out), y);
    } else {
      loss = criterion(out, y);
    }
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
