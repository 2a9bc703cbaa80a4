// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.0434032
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

nn::Sequential make_churn_model(int64_t features) {
  nn::Sequential m;
  m->push_back("fc1", nn::Linear(features, 16));
  m->push_back("act", nn::ReLU());
  m->push_back("fc2", nn::Linear(16, 1));
  return m;
}

// Churn probability per customer, kept away from 0 and 1 for the log in the loss.
torch::Tensor churn_probability(nn::Sequential& model, const torch::Tensor& x) {
  auto p = torch::sigmoid(model->forward(x)).view(-1);
  return p.clamp(1e-6, 1.0 - 1e-6);
}

int main() {
  torch::manual_seed(0);
  auto usage = torch::randn({72, 8});
  auto churned = (usage.select(1, 0) - usage.select(1, 3) > 0.3).to(torch::kFloat);

  auto model = make_churn_model(8);
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(0.02));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 40; ++epoch) {
    opt.zero_grad();
    auto p = churn_probability(model, usage);
    loss = F::binary_cross_entropy(p, churned);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
