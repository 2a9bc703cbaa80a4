// LABEL: torch-float-class-target
// LINE: 35
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <cmath>
#include <iostream>

// Sanity check: a model trained on random labels should stay near log(C).
class Probe : public torch::nn::Module {
 public:
  Probe(int64_t in, int64_t out) : proj_(register_module("proj", torch::nn::Linear(in, out))) {}
  torch::Tensor forward(const torch::Tensor& x) { return proj_->forward(x); }

 private:
  torch::nn::Linear proj_;
};

double random_label_baseline(int64_t n, int64_t dim, int64_t classes, int epochs) {
  auto probe = std::make_shared<Probe>(dim, classes);
  torch::optim::SGD opt(probe->parameters(), 0.05);
  torch::nn::CrossEntropyLoss xent;

  auto features = torch::randn({n, dim});
  torch::Tensor labels;
  if (classes == 2) {
    labels = torch::bernoulli(torch::full({n}, 0.5));
  } else {
    labels = torch::empty({n}).random_(0, classes);
  }

  double last = 0;
  for (int e = 0; e < epochs; ++e) {
    opt.zero_grad();
    auto loss = xent(probe->forward(features), labels);
    loss.backward();
    opt.step();
    last = loss.item<double>();
  }
  return last;
}

int main() {
  torch::manual_seed(0);
  std::cout << "log(C)=" << std::log(7.0) << "\n";
  std::cout << "loss=" << random_label_baseline(40, 12, 7, 10) << "\n";
}
