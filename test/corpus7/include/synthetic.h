#pragma once

#include <torch/torch.h>

#include <utility>
#include <vector>

// Synthetic data used by the quick experiments (no files on disk).

struct LabeledSet {
  torch::Tensor features;  // [N, D] float
  torch::Tensor labels;    // [N] int64 in [0, num_classes)
};

inline LabeledSet make_blobs(int64_t n, int64_t num_classes, int64_t dim, double spread = 0.5) {
  auto labels = torch::arange(n, torch::kLong).remainder(num_classes);
  auto centers = torch::randn({num_classes, dim}) * 2.0;
  auto features = centers.index_select(0, labels) + spread * torch::randn({n, dim});
  return {features, labels};
}

using Batch = std::pair<torch::Tensor, torch::Tensor>;

inline std::vector<Batch> make_batches(const LabeledSet& set, int64_t batch_size) {
  std::vector<Batch> batches;
  auto xs = set.features.split(batch_size);
  auto ys = set.labels.split(batch_size);
  for (size_t i = 0; i < xs.size(); ++i) {
    batches.emplace_back(xs[i], ys[i]);
  }
  return batches;
}

inline LabeledSet shuffled(const LabeledSet& set) {
  auto perm = torch::randperm(set.features.size(0), torch::kLong);
  return {set.features.index_select(0, perm), set.labels.index_select(0, perm)};
}
