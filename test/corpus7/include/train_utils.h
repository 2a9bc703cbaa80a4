#pragma once

#include <torch/torch.h>

#include <iostream>
#include <string>

struct OptimConfig {
  double lr = 1e-2;
  int epochs = 5;
  int64_t batch_size = 8;
  double weight_decay = 0.0;
};

inline torch::optim::Adam make_adam(torch::nn::Module& model, const OptimConfig& cfg) {
  return torch::optim::Adam(model.parameters(),
                            torch::optim::AdamOptions(cfg.lr).weight_decay(cfg.weight_decay));
}

class LossMeter {
 public:
  void add(const torch::Tensor& loss, int64_t count) {
    total_ += loss.item<double>() * count;
    count_ += count;
  }
  double mean() const { return count_ ? total_ / count_ : 0.0; }
  void reset() { total_ = 0.0; count_ = 0; }

 private:
  double total_ = 0.0;
  int64_t count_ = 0;
};

inline void log_epoch(const std::string& tag, int epoch, double value) {
  std::cout << tag << " epoch " << epoch << " loss " << value << "\n";
}
