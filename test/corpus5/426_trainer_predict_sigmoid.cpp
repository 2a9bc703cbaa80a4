// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 21
// RUNTIME: ran, loss=0.924537
#include <torch/torch.h>

#include <iostream>

class ChurnTrainer {
 public:
  ChurnTrainer(int64_t num_features, double churn_rate)
      : model_(torch::nn::Linear(num_features, 1)),
        criterion_(torch::nn::BCEWithLogitsLossOptions().pos_weight(
            torch::tensor({(1.0 - churn_rate) / churn_rate}))),
        opt_(model_->parameters(), torch::optim::SGDOptions(0.5)) {}

  // Churn probability per customer.
  torch::Tensor predict(const torch::Tensor& x) { return torch::sigmoid(model_(x)).squeeze(-1); }

  float step(const torch::Tensor& x, const torch::Tensor& churned) {
    opt_.zero_grad();
    auto loss = criterion_(predict(x), churned);
    loss.backward();
    opt_.step();
    return loss.item<float>();
  }

  float accuracy(const torch::Tensor& x, const torch::Tensor& churned) {
    torch::NoGradGuard no_grad;
    return predict(x).gt(0.5).eq(churned.gt(0.5)).to(torch::kFloat).mean().item<float>();
  }

 private:
  torch::nn::Linear model_;
  torch::nn::BCEWithLogitsLoss criterion_;
  torch::optim::SGD opt_;
};

int main() {
  torch::manual_seed(0);
  auto customers = torch::randn({16, 5});
  auto churned = (customers.select(1, 2) > 0.8).to(torch::kFloat);

  ChurnTrainer trainer(5, /*churn_rate=*/0.25);
  float loss = 0;
  for (int epoch = 0; epoch < 4; ++epoch) loss = trainer.step(customers, churned);
  std::cout << "accuracy=" << trainer.accuracy(customers, churned) << "\n";
  std::cout << "loss=" << loss << std::endl;
}
