// LABEL: torch-float-class-target
// LINE: 34
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>
#include <string>
#include <vector>

// Labels the log lines of a service by severity.
class SeverityTrainer {
 public:
  SeverityTrainer(const std::vector<std::string>& lines, int64_t feature_dim)
      : model_(torch::nn::Linear(feature_dim, 3)), optimizer_(model_->parameters(), 0.1) {
    const auto n = static_cast<int64_t>(lines.size());
    features_ = torch::zeros({n, feature_dim});
    severity_ = torch::zeros({n});
    for (int64_t i = 0; i < n; ++i) {
      const std::string& line = lines[i];
      for (size_t k = 0; k < line.size(); ++k) {
        features_[i][static_cast<int64_t>(line[k]) % feature_dim] += 1.0;
      }
      if (line.find("ERROR") != std::string::npos) {
        severity_[i] = 2;
      } else if (line.find("WARN") != std::string::npos) {
        severity_[i] = 1;
      }
    }
  }

  double epoch() {
    optimizer_.zero_grad();
    auto log_probs = torch::log_softmax(model_(features_), 1);
    auto loss = torch::nll_loss(log_probs, severity_);
    loss.backward();
    optimizer_.step();
    return loss.item<double>();
  }

 private:
  torch::nn::Linear model_;
  torch::optim::SGD optimizer_;
  torch::Tensor features_;
  torch::Tensor severity_;
};

int main() {
  torch::manual_seed(0);
  std::vector<std::string> lines = {"INFO started", "WARN disk 91%", "ERROR timeout",
                                    "INFO request ok", "ERROR db down", "WARN slow"};
  SeverityTrainer trainer(lines, 8);
  double loss = 0;
  for (int e = 0; e < 3; ++e) loss = trainer.epoch();
  std::cout << "loss=" << loss << std::endl;
}
