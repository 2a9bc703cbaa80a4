// LABEL: torch-stray-unsqueeze
// LINE: 33
// RUNTIME: Target size ([6, 1]) must be the same as input size ([6])
#include <torch/torch.h>

#include <iostream>

// Churn prediction: one logit per customer.
struct ChurnModelImpl : torch::nn::Module {
  ChurnModelImpl(int64_t features) {
    mlp = register_module("mlp", torch::nn::Sequential(torch::nn::Linear(features, 8),
                                                      torch::nn::ReLU(), torch::nn::Linear(8, 1)));
  }
  torch::Tensor forward(const torch::Tensor& x) { return mlp->forward(x).squeeze(1); }  // [N]
  torch::nn::Sequential mlp{nullptr};
};
TORCH_MODULE(ChurnModel);

auto make_targets(const torch::Tensor& churned) {
  // column vector, like the model output of most tutorials
  return churned.to(torch::kFloat).unsqueeze(1);
}

int main() {
  torch::manual_seed(0);
  ChurnModel model(5);
  auto customers = torch::randn({6, 5});
  auto churned = torch::tensor({1, 0, 0, 1, 0, 0});

  torch::nn::BCEWithLogitsLoss criterion;
  torch::optim::Adam opt(model->parameters(), 0.01);
  auto targets = make_targets(churned);
  auto loss = criterion(model(customers), targets);
  opt.zero_grad();
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
