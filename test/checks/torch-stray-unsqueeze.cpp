// RUN: %check_torchlint %s torch-stray-unsqueeze %t -- %torch_flags

#include <torch/torch.h>

#include <iostream>
#include <tuple>
#include <vector>

namespace F = torch::nn::functional;

//===--- Positive: an unsqueeze that breaks the shape contract ------------===//

void seedExample() {
  torch::nn::Sequential model(torch::nn::Linear(10, 5), torch::nn::ReLU(),
                              torch::nn::Linear(5, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto inputs = torch::randn({32, 10});
  auto targets = torch::randint(0, 3, {32});
  auto outputs = model->forward(inputs).unsqueeze(1);
  auto loss = criterion(outputs, targets);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss has shape [32, 1, 3] after unsqueeze(1), target has shape [32]; LibTorch raises "Expected target size [32, 3], got [32]"; remove the unsqueeze [torch-stray-unsqueeze]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [32, 1, 3] / [32]: CrossEntropyLoss raises "Expected target size [32, 3], got [32]"
  // CHECK-MESSAGES: :[[@LINE-4]]:41: note: unsqueeze(1) adds a dimension of size 1 here
}

void unsqueezeInFrontBreaksTheBatch() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto out = fc(torch::randn({32, 10})).unsqueeze(0);
  auto loss = F::cross_entropy(out, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss has shape [1, 32, 3] after unsqueeze(0), target has shape [32]; LibTorch raises "Expected input batch_size (1) to match target batch_size (32)."; remove the unsqueeze
}

void unsqueezedTarget() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto logits = fc(torch::randn({32, 10}));
  auto labels = torch::randint(0, 3, {32}).unsqueeze(1);
  auto loss = criterion(logits, labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has shape [32, 1] after unsqueeze(1), input has shape [32, 3]; LibTorch raises "0D or 1D target tensor expected, multi-target not supported"; remove the unsqueeze
  // CHECK-MESSAGES: :[[@LINE-3]]:44: note: unsqueeze(1) adds a dimension of size 1 here
}

void negativeDimAndFunctionForm() {
  torch::nn::Linear fc(10, 3);
  auto logits = fc(torch::randn({16, 10}));
  auto labels = torch::unsqueeze(torch::randint(0, 3, {16}), -1);
  auto loss = F::cross_entropy(logits, labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has shape [16, 1] after unsqueeze(-1), input has shape [16, 3]
}

void unsqueezeBeforeTheModel() {
  torch::nn::Sequential model(torch::nn::Linear(10, 8), torch::nn::ReLU(),
                              torch::nn::Dropout(0.2), torch::nn::Linear(8, 4));
  auto x = torch::randn({8, 10}).unsqueeze(1);
  auto loss = F::cross_entropy(model->forward(x), torch::randint(0, 4, {8}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss has shape [8, 1, 4] after unsqueeze(1), target has shape [8]; LibTorch raises "Expected target size [8, 4], got [8]"
}

void inPlaceUnsqueeze() {
  torch::nn::Linear fc(10, 3);
  auto out = fc(torch::randn({4, 10}));
  out.unsqueeze_(1);
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss has shape [4, 1, 3] after unsqueeze(1)
}

struct NetImpl : torch::nn::Module {
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  NetImpl(int64_t in, int64_t classes) {
    fc1 = register_module("fc1", torch::nn::Linear(in, 64));
    fc2 = register_module("fc2", torch::nn::Linear(64, classes));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1(x));
    return fc2(x).unsqueeze(1);
  }
};
TORCH_MODULE(Net);

void customModuleInTrainingLoop() {
  Net net(20, 5);
  torch::optim::Adam opt(net->parameters());
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (int batch = 0; batch < 10; ++batch) {
      auto x = torch::randn({64, 20});
      auto y = torch::randint(0, 5, {64});
      opt.zero_grad();
      auto loss = criterion(net(x), y);
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: input of CrossEntropyLoss has shape [64, 1, 5] after unsqueeze(1), target has shape [64]; LibTorch raises "Expected target size [64, 5], got [64]"
      // CHECK-MESSAGES: :[[@LINE-16]]:19: note: unsqueeze(1) adds a dimension of size 1 here
      loss.backward();
      opt.step();
    }
  }
}

torch::Tensor makeTargets(int64_t n, int64_t classes) {
  return torch::randint(0, classes, {n}).unsqueeze(1);
}

void helperBuildsTargets() {
  torch::nn::Linear fc(10, 6);
  auto loss = F::cross_entropy(fc(torch::randn({12, 10})), makeTargets(12, 6));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has shape [12, 1] after unsqueeze(1), input has shape [12, 6]
}

void segmentationTarget() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).padding(1));
  auto features = torch::randn({2, 8, 16, 16});
  auto mask = torch::randint(0, 4, {2, 16, 16}).unsqueeze(1);
  auto loss = F::cross_entropy(head(features), mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has shape [2, 1, 16, 16] after unsqueeze(1), input has shape [2, 4, 16, 16]; LibTorch raises "only batches of spatial targets supported (3D tensors) but got targets of dimension: 4"
}

void nllLossToo() {
  torch::nn::Linear fc(10, 3);
  torch::nn::NLLLoss nll;
  auto logp = torch::log_softmax(fc(torch::randn({5, 10})), 1).unsqueeze(1);
  auto loss = nll(logp, torch::randint(0, 3, {5}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss has shape [5, 1, 3] after unsqueeze(1), target has shape [5]; LibTorch raises "Expected target size [5, 3], got [5]"
}

void unknownBatchSize(int64_t n) {
  torch::nn::Linear fc(10, 3);
  auto out = fc(torch::randn({n, 10})).unsqueeze(1);
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {n}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss has shape [?, 1, 3] after unsqueeze(1), target has shape [?]; remove the unsqueeze
}

struct Trainer {
  torch::nn::Sequential model{torch::nn::Linear(4, 2)};
  torch::nn::CrossEntropyLoss criterion;
  torch::Tensor step(torch::Tensor x, torch::Tensor y) {
    return criterion(model->forward(x).unsqueeze(1), y);
  }
};

void trainerCalledWithKnownData() {
  Trainer t;
  auto loss = t.step(torch::randn({6, 4}), torch::randint(0, 2, {6}));
}
// CHECK-MESSAGES: :[[@LINE-8]]:12: warning: input of CrossEntropyLoss has shape [6, 1, 2] after unsqueeze(1), target has shape [6]
// CHECK-MESSAGES: :[[@LINE-3]]:15: note: reached through this call

// Batches kept in a std::vector of structs, a GRU tagger, the loss in a
// helper called from inside an output statement.
struct Batch {
  torch::Tensor tokens, tags;
};

std::vector<Batch> makeBatches(int64_t n) {
  std::vector<Batch> out;
  for (int64_t i = 0; i < n; ++i)
    out.push_back({torch::randint(0, 50, {4, 6}), torch::randint(0, 5, {4, 6})});
  return out;
}

struct TaggerImpl : torch::nn::Module {
  TaggerImpl() {
    emb = register_module("emb", torch::nn::Embedding(50, 16));
    rnn = register_module(
        "rnn", torch::nn::GRU(torch::nn::GRUOptions(16, 24).batch_first(true)));
    proj = register_module("proj", torch::nn::Linear(24, 5));
  }
  torch::Tensor forward(const torch::Tensor &tokens) {
    auto out = std::get<0>(rnn->forward(emb->forward(tokens)));
    return proj->forward(out);
  }
  torch::nn::Embedding emb{nullptr};
  torch::nn::GRU rnn{nullptr};
  torch::nn::Linear proj{nullptr};
};
TORCH_MODULE(Tagger);

float runEpoch(Tagger &model, const std::vector<Batch> &data) {
  float last = 0;
  for (const auto &b : data) {
    auto scores = model->forward(b.tokens).transpose(1, 2);
    auto loss = F::cross_entropy(scores, b.tags.unsqueeze(1));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: target of CrossEntropyLoss has shape [4, 1, 6] after unsqueeze(1), input has shape [4, 5, 6]; LibTorch raises "Expected target size [4, 6], got [4, 1, 6]"; remove the unsqueeze
    last = loss.item<float>();
  }
  return last;
}

void vectorOfBatches() {
  Tagger model;
  auto batches = makeBatches(3);
  for (int epoch = 0; epoch < 2; ++epoch)
    std::cout << runEpoch(model, batches) << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:18: note: reached through this call
}

// Each label unsqueezed before the labels are stacked: [N, 1].
void labelsUnsqueezedThenStacked(const std::vector<int64_t> &ratings) {
  torch::nn::Linear head(6, 5);
  std::vector<torch::Tensor> ys;
  for (int64_t r : ratings)
    ys.push_back(torch::tensor(r).unsqueeze(0));
  auto y = torch::stack(ys);
  auto loss = F::cross_entropy(head(torch::randn({4, 6})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has shape [?, 1] after unsqueeze(0), input has shape [4, 5]; remove the unsqueeze [torch-stray-unsqueeze]
  // CHECK-MESSAGES: :[[@LINE-4]]:35: note: unsqueeze(0) adds a dimension of size 1 here
}

std::pair<torch::Tensor, torch::Tensor> makeScenes() {
  return {torch::randn({8, 1, 12, 12}), torch::zeros({8, 12, 12}, torch::kLong)};
}

void pairUnpackedWithTie() {
  torch::nn::Conv2d net(torch::nn::Conv2dOptions(1, 3, 3).padding(1));
  torch::Tensor images, masks;
  std::tie(images, masks) = makeScenes();
  masks = masks.unsqueeze(1);
  auto loss = F::cross_entropy(net(images), masks);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has shape [8, 1, 12, 12] after unsqueeze(1), input has shape [8, 3, 12, 12]; LibTorch raises "only batches of spatial targets supported (3D tensors) but got targets of dimension: 4"
}

void singleSampleAtTheWrongPosition() {
  torch::nn::Linear fc(5, 3);
  auto logits = fc(torch::randn({5})).unsqueeze(1);
  auto loss = F::cross_entropy(logits, torch::tensor({2}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss has shape [3, 1] after unsqueeze(1), target has shape [1]; LibTorch raises "Expected input batch_size (3) to match target batch_size (1)."; use unsqueeze(0) instead
}

void singleSampleWithAScalarTarget() {
  torch::nn::Linear fc(5, 3);
  auto loss = F::cross_entropy(fc(torch::randn({5})).unsqueeze(0), torch::tensor(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss has shape [1, 3] after unsqueeze(0), target has shape []; remove the unsqueeze
}

// A dataset whose examples are stacked into batches by a data loader; the
// loss is computed by a trainer that takes the loader by reference, in a loop.
class TableDataset : public torch::data::datasets::Dataset<TableDataset> {
public:
  TableDataset() {
    table_ = torch::randn({90, 8});
    labels_ = torch::randint(0, 3, {90});
  }
  torch::data::Example<> get(size_t index) override {
    auto i = static_cast<int64_t>(index);
    return {table_[i], labels_[i].unsqueeze(0)};
  }
  torch::optional<size_t> size() const override { return 90; }

private:
  torch::Tensor table_, labels_;
};

struct LoaderTrainer {
  torch::nn::Linear net{8, 3};
  torch::nn::CrossEntropyLoss criterion;
  template <typename Loader> void fitOneEpoch(Loader &loader) {
    for (auto &batch : loader) {
      auto loss = criterion(net(batch.data), batch.target);
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: target of CrossEntropyLoss has shape [?, 1] after unsqueeze(0), input has shape [?, 3]; remove the unsqueeze
      // CHECK-MESSAGES: :[[@LINE-15]]:35: note: unsqueeze(0) adds a dimension of size 1 here
    }
  }
};

void datasetStackedByALoader() {
  auto loader = torch::data::make_data_loader(
      TableDataset().map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions(15));
  LoaderTrainer trainer;
  for (int epoch = 0; epoch < 3; ++epoch)
    trainer.fitOneEpoch(*loader);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: reached through this call
}

// BCEWithLogitsLoss: the logits squeezed to [N], the labels unsqueezed to
// [N, 1].
void bceTargetUnsqueezedAgainstSqueezedLogits() {
  torch::nn::Linear head(8, 1);
  auto logits = head(torch::randn({16, 8})).squeeze(1);
  auto labels = torch::randint(0, 2, {16}).to(torch::kFloat).unsqueeze(1);
  auto loss = F::binary_cross_entropy_with_logits(logits, labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of BCEWithLogitsLoss has shape [16, 1] after unsqueeze(1), input has shape [16]; LibTorch raises "Target size ([16, 1]) must be the same as input size ([16])"; remove the unsqueeze [torch-stray-unsqueeze]
  // CHECK-MESSAGES: :[[@LINE-3]]:62: note: unsqueeze(1) adds a dimension of size 1 here
}

// Masks given a channel for interpolate and not given it back; the images
// are built with expand.
std::pair<torch::Tensor, torch::Tensor> resized(const torch::Tensor &masks,
                                                int64_t side) {
  auto images = masks.unsqueeze(1).to(torch::kFloat).expand({-1, 3, -1, -1});
  std::vector<int64_t> size{side, side};
  auto small = [&](const torch::Tensor &t) {
    return F::interpolate(t, F::InterpolateFuncOptions().size(size).mode(
                                 torch::kNearest));
  };
  return {small(images), small(masks.unsqueeze(1).to(torch::kFloat))
                             .to(torch::kLong)};
}

void maskResizedWithInterpolate() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(3, 4, 1));
  auto [images, masks] = resized(torch::randint(0, 4, {6, 16, 16}), 8);
  auto loss = F::cross_entropy(head(images), masks);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has shape [6, 1, 8, 8] after unsqueeze(1), input has shape [6, 4, 8, 8]; LibTorch raises "only batches of spatial targets supported (3D tensors) but got targets of dimension: 4"
}

//===--- Negative: unsqueezes that are undone or valid --------------------===//

// The channel interpolate needed is taken off again.
void maskResizedThenSqueezed() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(3, 4, 1));
  auto [images, masks] = resized(torch::randint(0, 4, {6, 16, 16}), 8);
  auto loss = F::cross_entropy(head(images), masks.squeeze(1));
}

void undoneBySqueeze() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto out = fc(torch::randn({32, 10})).unsqueeze(1);
  auto loss = F::cross_entropy(out.squeeze(1), y);
  auto loss2 = F::cross_entropy(out.squeeze(), y);
}

// unsqueeze(0) then cat along dimension 0: the usual way to batch.
void labelsUnsqueezedThenConcatenated(const std::vector<int64_t> &ratings) {
  torch::nn::Linear head(6, 5);
  std::vector<torch::Tensor> ys;
  for (int64_t r : ratings)
    ys.push_back(torch::tensor(r).unsqueeze(0));
  auto y = torch::cat(ys);
  auto loss = F::cross_entropy(head(torch::randn({4, 6})), y);
}

void undoneByViewReshapeFlatten() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32});
  auto out = fc(torch::randn({32, 10})).unsqueeze(1);
  auto a = F::cross_entropy(out.view({-1, 3}), y);
  auto b = F::cross_entropy(out.reshape({32, 3}), y);
  auto c = F::cross_entropy(out.flatten(1), y);
  auto d = F::cross_entropy(torch::flatten(out, 1), y);
  auto e = F::cross_entropy(out.view({32, -1}), y.unsqueeze(1).squeeze(1));
}

void validKDimensionalLoss() {
  torch::nn::Linear fc(10, 3);
  auto out = fc(torch::randn({32, 10})).unsqueeze(2); // [32, 3, 1]
  auto y = torch::randint(0, 3, {32}).unsqueeze(1);   // [32, 1]
  auto loss = F::cross_entropy(out, y);
}

void unsqueezeForBroadcastingOnly() {
  torch::nn::Linear fc(10, 3);
  auto weights = torch::rand({32}).unsqueeze(1);
  auto out = fc(torch::randn({32, 10})) * weights;
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}

void unsqueezeOnOneBranch(bool addSequenceDim) {
  torch::nn::Linear fc(10, 3);
  auto out = fc(torch::randn({32, 10}));
  if (addSequenceDim)
    out = out.unsqueeze(1);
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}

void unknownShapes(const torch::Tensor &out, const torch::Tensor &y) {
  auto loss = F::cross_entropy(out.unsqueeze(1), y);
}

void sequenceModelWithTimeDimension() {
  // [N, T, C] logits permuted to [N, C, T] against [N, T] targets.
  torch::nn::Linear fc(16, 5);
  auto seq = torch::randn({4, 7, 16});
  auto logits = fc(seq).permute({0, 2, 1});
  auto y = torch::randint(0, 5, {4, 7});
  auto loss = F::cross_entropy(logits, y);
}

//===--- The confirmation note: sizes the analysis does not know ---------===//

// The batch size is unknown: the sample uses 4 on both sides, and says so.
void unknownBatchSize(torch::Tensor x) {
  torch::nn::Linear fc(10, 3);
  auto out = fc(x.view({-1, 10})).unsqueeze(1);
  auto y = torch::randint(0, 3, {x.size(0)});
  auto loss = F::cross_entropy(out, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss has shape [?, 1, 3] after unsqueeze(1), target has shape [?]; remove the unsqueeze [torch-stray-unsqueeze]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [4, 1, 3] / [4] (unknown sizes set to 4): CrossEntropyLoss raises "Expected target size [4, 3], got [4]"
}
