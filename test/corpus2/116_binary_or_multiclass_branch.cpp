// LABEL: torch-stray-unsqueeze
// LINE: 42
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>

#include <iostream>
#include <string>

struct Options {
  int64_t num_classes = 2;
  int64_t features = 6;
  int epochs = 10;
  double lr = 0.05;
  bool sigmoid_for_binary = false;
};

torch::Tensor make_labels(const torch::Tensor& x) {
  return (x.sum(1) > 0).to(torch::kLong);
}

int main(int argc, char** argv) {
  torch::manual_seed(0);
  Options opt;
  if (argc > 1) opt.num_classes = std::stoll(argv[1]);

  const int64_t out_units = (opt.num_classes == 2 && opt.sigmoid_for_binary) ? 1 : opt.num_classes;
  torch::nn::Linear model(opt.features, out_units);
  torch::optim::SGD sgd(model->parameters(), opt.lr);
  torch::nn::BCEWithLogitsLoss bce;
  torch::nn::CrossEntropyLoss ce;

  auto x = torch::randn({64, opt.features});
  auto labels = make_labels(x).unsqueeze(1);

  torch::Tensor loss;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    sgd.zero_grad();
    auto logits = model(x);
    if (out_units == 1) {
      loss = bce(logits, labels.to(torch::kFloat));
    } else {
      loss = ce(logits, labels);
    }
    loss.backward();
    sgd.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
