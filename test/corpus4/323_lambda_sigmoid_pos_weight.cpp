// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 19
// RUNTIME: ran, loss=1.33043
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  constexpr int64_t kFeatures = 12;

  torch::nn::Linear fraud_head(kFeatures, 1);
  // Fraud is rare: weight positives 9x.
  torch::nn::BCEWithLogitsLoss criterion(
      torch::nn::BCEWithLogitsLossOptions().pos_weight(torch::tensor({9.0})));
  torch::optim::Adam opt(fraud_head->parameters(), torch::optim::AdamOptions(1e-2));

  auto step_loss = [&](const torch::Tensor& tx, const torch::Tensor& is_fraud) {
    auto score = fraud_head(tx).sigmoid();
    return criterion(score, is_fraud);
  };

  auto transactions = torch::randn({50, kFeatures});
  auto is_fraud = (torch::rand({50, 1}) > 0.9).to(torch::kFloat);

  torch::Tensor loss;
  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    loss = step_loss(transactions, is_fraud);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
