// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.0777189
#include <torch/torch.h>

#include <iostream>

#include "metrics.h"
#include "synthetic.h"

namespace F = torch::nn::functional;

// Mixture of experts over three small members: the prediction is the average
// of the members' distributions, trained end to end on its likelihood.
class MixtureImpl : public torch::nn::Module {
 public:
  MixtureImpl(int64_t in, int64_t classes, int64_t members) {
    members_ = register_module("members", torch::nn::ModuleList());
    for (int64_t m = 0; m < members; ++m) {
      members_->push_back(torch::nn::Sequential(torch::nn::Linear(in, 8 + 4 * m),
                                                torch::nn::ReLU(),
                                                torch::nn::Linear(8 + 4 * m, classes)));
    }
  }

  torch::Tensor mixture_probs(const torch::Tensor& x) {
    torch::Tensor total;
    for (const auto& member : *members_) {
      auto p = torch::softmax(member->as<torch::nn::Sequential>()->forward(x), 1);
      total = total.defined() ? total + p : p;
    }
    return total / static_cast<double>(members_->size());
  }

 private:
  torch::nn::ModuleList members_{nullptr};
};
TORCH_MODULE(Mixture);

int main() {
  torch::manual_seed(0);
  const int64_t classes = 3;
  auto data = make_blobs(60, classes, 5, 0.7);
  Mixture mixture(5, classes, 3);
  torch::optim::Adam optimizer(mixture->parameters(), torch::optim::AdamOptions(1e-2));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 30; ++epoch) {
    optimizer.zero_grad();
    auto probs = mixture->mixture_probs(data.features);
    loss = F::nll_loss(torch::log(probs + 1e-8), data.labels);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
