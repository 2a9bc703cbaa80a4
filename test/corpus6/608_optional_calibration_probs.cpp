// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.714028
#include <torch/torch.h>

#include <iostream>
#include <optional>

namespace F = torch::nn::functional;

struct StepOutput {
  torch::Tensor loss;
  std::optional<torch::Tensor> probabilities;  // only filled when metrics are wanted
};

class FraudDetector : public torch::nn::Module {
 public:
  FraudDetector() : net_(torch::nn::Linear(6, 1)) { register_module("net", net_); }

  StepOutput step(const torch::Tensor& features, const torch::Tensor& is_fraud,
                  bool with_metrics) {
    auto logits = net_(features).squeeze(-1);
    StepOutput out;
    out.loss = F::binary_cross_entropy_with_logits(
        logits, is_fraud,
        F::BinaryCrossEntropyWithLogitsFuncOptions().pos_weight(torch::tensor({4.0})));
    if (with_metrics) {
      out.probabilities = torch::sigmoid(logits).detach();
    }
    return out;
  }

 private:
  torch::nn::Linear net_;
};

int main() {
  torch::manual_seed(0);
  FraudDetector detector;
  torch::optim::SGD opt(detector.parameters(), 0.1);
  auto x = torch::randn({20, 6});
  auto y = (x.select(1, 0) > 0.8).to(torch::kFloat);

  StepOutput out;
  for (int it = 0; it < 10; ++it) {
    bool report = (it == 9);
    out = detector.step(x, y, report);
    opt.zero_grad();
    out.loss.backward();
    opt.step();
  }
  if (out.probabilities) {
    auto flagged = (*out.probabilities > 0.5).sum().item<int64_t>();
    std::cout << "flagged " << flagged << " of 20\n";
  }
  std::cout << "loss=" << out.loss.item<double>() << std::endl;
}
