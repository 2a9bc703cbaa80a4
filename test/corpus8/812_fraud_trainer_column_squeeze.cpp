// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.0527059
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

class FraudTrainer {
 public:
  FraudTrainer();
  void load(int64_t n);
  torch::Tensor batch_loss(const torch::Tensor& idx);
  torch::optim::Optimizer& optimizer() { return *opt_; }

 private:
  nn::Sequential model_;
  nn::BCEWithLogitsLoss criterion_;
  torch::Tensor records_;  // [n, 7]: six features and the fraud flag as a column
  std::unique_ptr<torch::optim::Adam> opt_;
};

FraudTrainer::FraudTrainer()
    : model_(nn::Linear(6, 16), nn::ReLU(), nn::Linear(16, 1)),
      criterion_(nn::BCEWithLogitsLossOptions().pos_weight(torch::tensor({2.0}))) {
  opt_ = std::make_unique<torch::optim::Adam>(model_->parameters(), torch::optim::AdamOptions(0.01));
}

void FraudTrainer::load(int64_t n) {
  auto features = torch::randn({n, 6});
  auto flag = (features.select(1, 2) + features.select(1, 5) > 1.0).to(torch::kFloat);
  records_ = torch::cat({features, flag.unsqueeze(1)}, 1);
}

torch::Tensor FraudTrainer::batch_loss(const torch::Tensor& idx) {
  auto rows = records_.index_select(0, idx);
  auto x = rows.slice(1, 0, 6);
  auto flag = rows.slice(1, 6, 7).squeeze(1);       // [B]
  auto logits = model_->forward(x).squeeze(-1);     // [B]
  return criterion_(logits, flag);
}

int main() {
  torch::manual_seed(0);
  FraudTrainer trainer;
  trainer.load(96);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 20; ++epoch) {
    for (const auto& idx : torch::randperm(96).chunk(4)) {
      trainer.optimizer().zero_grad();
      loss = trainer.batch_loss(idx);
      loss.backward();
      trainer.optimizer().step();
    }
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
