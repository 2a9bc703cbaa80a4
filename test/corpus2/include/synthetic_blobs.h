#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace data {

// Gaussian blobs around one centre per class. Labels are int64 class ids.
class BlobsDataset : public torch::data::datasets::Dataset<BlobsDataset> {
 public:
  BlobsDataset(int64_t num_samples, int64_t num_features, int64_t num_classes,
               double spread = 0.5)
      : num_classes_(num_classes) {
    auto centres = torch::randn({num_classes, num_features}) * 2.0;
    labels_ = torch::randint(0, num_classes, {num_samples}, torch::kLong);
    features_ = centres.index_select(0, labels_) +
                spread * torch::randn({num_samples, num_features});
  }

  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {features_[i], labels_[i]};
  }

  torch::optional<size_t> size() const override {
    return static_cast<size_t>(labels_.size(0));
  }

  int64_t num_classes() const { return num_classes_; }
  const torch::Tensor& features() const { return features_; }
  const torch::Tensor& labels() const { return labels_; }

 private:
  int64_t num_classes_;
  torch::Tensor features_;
  torch::Tensor labels_;
};

}  // namespace data
