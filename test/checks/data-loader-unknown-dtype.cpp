// RUN: %check_torchlint %s 'torch-*' %t -- %torch_flags

// Training loops over torch::data datasets (a user dataset with get(), mapped
// with Stack, batched by make_data_loader). When the labels' dtype comes from
// outside the program (a file, a caller, a run-time setting) nothing is known
// about it and every check stays silent; when the program fixes it, a wrong
// dtype is reported.

#include <torch/torch.h>

#include <fstream>
#include <string>
#include <vector>

namespace F = torch::nn::functional;

// Features and labels held as tensors; get() returns one example.
class TensorDataset : public torch::data::datasets::Dataset<TensorDataset> {
public:
  TensorDataset(torch::Tensor features, torch::Tensor labels)
      : features_(std::move(features)), labels_(std::move(labels)) {}
  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {features_[i], labels_[i]};
  }
  torch::optional<size_t> size() const override {
    return static_cast<size_t>(features_.size(0));
  }

private:
  torch::Tensor features_, labels_;
};

template <typename Loader>
void trainOnLoader(Loader &loader, torch::nn::Sequential &model) {
  torch::optim::SGD opt(model->parameters(), 0.01);
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (auto &batch : loader) {
      opt.zero_grad();
      auto loss = criterion(model->forward(batch.data), batch.target);
      loss.backward();
      opt.step();
    }
  }
}

//===--- Negative: the labels' dtype is not known -------------------------===//

// The labels are read from a tensor file: any dtype may be stored in it.
class FileDataset : public torch::data::datasets::Dataset<FileDataset> {
public:
  explicit FileDataset(const std::string &dir) {
    torch::load(features_, dir + "/features.pt");
    torch::load(labels_, dir + "/labels.pt");
  }
  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {features_[i], labels_[i]};
  }
  torch::optional<size_t> size() const override {
    return static_cast<size_t>(labels_.size(0));
  }

private:
  torch::Tensor features_, labels_;
};

void trainOnTensorFiles(const std::string &dir) {
  torch::nn::Sequential model(torch::nn::Linear(8, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto loader = torch::data::make_data_loader(
      FileDataset(dir).map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions(16));
  for (int epoch = 0; epoch < 2; ++epoch)
    for (auto &batch : *loader) {
      auto loss = criterion(model->forward(batch.data), batch.target);
      loss.backward();
    }
}

// The labels are handed in by the caller.
void trainOnCallersTensors(const torch::Tensor &features,
                           const torch::Tensor &labels) {
  torch::nn::Sequential model(torch::nn::Linear(8, 3));
  auto loader = torch::data::make_data_loader(
      TensorDataset(features, labels).map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions(16));
  trainOnLoader(*loader, model);
}

// The dtype of the labels is a run-time setting.
class ConfiguredDataset : public torch::data::datasets::Dataset<ConfiguredDataset> {
public:
  ConfiguredDataset(int64_t n, torch::Dtype labelType)
      : features_(torch::randn({n, 8})), labels_(torch::randint(0, 3, {n})),
        labelType_(labelType) {}
  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {features_[i], labels_[i].to(labelType_)};
  }
  torch::optional<size_t> size() const override {
    return static_cast<size_t>(features_.size(0));
  }

private:
  torch::Tensor features_, labels_;
  torch::Dtype labelType_;
};

void trainWithConfiguredDtype(torch::Dtype labelType) {
  torch::nn::Sequential model(torch::nn::Linear(8, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto loader = torch::data::make_data_loader(
      ConfiguredDataset(64, labelType).map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions(16));
  for (auto &batch : *loader)
    auto loss = criterion(model->forward(batch.data), batch.target);
}

// Labels read from a file, converted to int64 in get(): known and right.
class ConvertingFileDataset
    : public torch::data::datasets::Dataset<ConvertingFileDataset> {
public:
  explicit ConvertingFileDataset(const std::string &dir) {
    torch::load(features_, dir + "/features.pt");
    torch::load(labels_, dir + "/labels.pt");
  }
  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {features_[i], labels_[i].to(torch::kLong)};
  }
  torch::optional<size_t> size() const override {
    return static_cast<size_t>(labels_.size(0));
  }

private:
  torch::Tensor features_, labels_;
};

void trainOnConvertedFileLabels(const std::string &dir) {
  torch::nn::Sequential model(torch::nn::Linear(8, 3));
  auto loader = torch::data::make_data_loader(
      ConvertingFileDataset(dir).map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions(16));
  trainOnLoader(*loader, model);
}

// Labels parsed from a text file into int64: known and right.
void trainOnParsedIntegerLabels(const std::string &path) {
  std::ifstream in(path);
  std::vector<int64_t> labels;
  for (int64_t label; in >> label;)
    labels.push_back(label);
  auto n = static_cast<int64_t>(labels.size());
  torch::nn::Sequential model(torch::nn::Linear(8, 3));
  auto loader = torch::data::make_data_loader(
      TensorDataset(torch::randn({n, 8}), torch::tensor(labels))
          .map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions(16));
  trainOnLoader(*loader, model);
}

//===--- Positive: the program fixes a dtype LibTorch rejects -------------===//

// The dataset converts its labels to float when it is built.
class FloatLabelDataset : public torch::data::datasets::Dataset<FloatLabelDataset> {
public:
  FloatLabelDataset() {
    features_ = torch::randn({90, 8});
    labels_ = torch::randint(0, 3, {90}).to(torch::kFloat);
  }
  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {features_[i], labels_[i]};
  }
  torch::optional<size_t> size() const override { return 90; }

private:
  torch::Tensor features_, labels_;
};

void trainOnFloatLabels() {
  torch::nn::Sequential model(torch::nn::Linear(8, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto loader = torch::data::make_data_loader(
      FloatLabelDataset().map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions(15));
  for (int epoch = 0; epoch < 2; ++epoch)
    for (auto &batch : *loader) {
      auto loss = criterion(model->forward(batch.data), batch.target);
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: target of CrossEntropyLoss holds class indices (shape [?] for input [?, 3]) but has dtype float; LibTorch raises "expected scalar type Long but found Float"; convert it with .to(torch::kLong) [torch-float-class-target]
      // CHECK-MESSAGES: :[[@LINE-23]]:42: note: .to() converts it to float here
      loss.backward();
    }
}

// Labels parsed from a text file into floats: the values are unknown, the
// dtype is not.
void trainOnParsedFloatLabels(const std::string &path) {
  std::ifstream in(path);
  std::vector<float> labels;
  for (float label; in >> label;)
    labels.push_back(label);
  auto n = static_cast<int64_t>(labels.size());
  torch::nn::Sequential model(torch::nn::Linear(8, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto loader = torch::data::make_data_loader(
      TensorDataset(torch::randn({n, 8}), torch::tensor(labels))
          .map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions(16));
  for (auto &batch : *loader) {
    auto loss = criterion(model->forward(batch.data), batch.target);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: target of CrossEntropyLoss holds class indices (shape [?] for input [?, 3]) but has dtype float; LibTorch raises "expected scalar type Long but found Float"; convert it with .to(torch::kLong) [torch-float-class-target]
  }
}
