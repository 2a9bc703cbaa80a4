#pragma once

#include <torch/torch.h>

// Evaluation helpers. Everything here runs without gradients.

inline double top1_accuracy(const torch::Tensor& logits, const torch::Tensor& labels) {
  torch::NoGradGuard no_grad;
  auto probs = torch::softmax(logits, /*dim=*/1);
  return probs.argmax(1).eq(labels).to(torch::kFloat).mean().item<double>();
}

inline double mean_confidence(const torch::Tensor& logits) {
  torch::NoGradGuard no_grad;
  return std::get<0>(torch::softmax(logits, 1).max(1)).mean().item<double>();
}

inline torch::Tensor binary_predictions(const torch::Tensor& logits, double threshold = 0.5) {
  return torch::sigmoid(logits.detach()).gt(threshold);
}

inline double binary_accuracy(const torch::Tensor& logits, const torch::Tensor& targets) {
  auto hits = binary_predictions(logits).to(torch::kFloat).eq(targets);
  return hits.to(torch::kFloat).mean().item<double>();
}
