// RUN: %check_torchlint %s torch-softmax-before-cross-entropy %t -- %torch_flags

#include <torch/torch.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace F = torch::nn::functional;
namespace nn = torch::nn;

using NamedModules = std::vector<std::pair<std::string, std::shared_ptr<nn::Module>>>;

//===--- Positive: a softmax picked out of a ModuleDict or ModuleList ----===//

// A ModuleDict built from a vector of named modules, read with literal keys.
struct DictClassifierImpl : nn::Module {
  DictClassifierImpl() {
    NamedModules named = {
        {"trunk", nn::Sequential(nn::Linear(10, 16), nn::ReLU()).ptr()},
        {"head", nn::Sequential(nn::Linear(16, 3), nn::Softmax(1)).ptr()},
    };
    parts = register_module("parts", nn::ModuleDict(named));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto h = parts["trunk"]->as<nn::Sequential>()->forward(x);
    return parts["head"]->as<nn::Sequential>()->forward(h);
  }
  nn::ModuleDict parts{nullptr};
};
TORCH_MODULE(DictClassifier);

void moduleDictOfNamedModules() {
  DictClassifier model;
  auto y = torch::randint(0, 3, {32});
  auto loss = F::cross_entropy(model->forward(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax; CrossEntropyLoss applies log_softmax itself, so the loss cannot reach 0 and its gradients shrink; pass the raw logits [torch-softmax-before-cross-entropy]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [32, 3] / [32]: a perfect prediction still costs 0.551 (log(1 + (C-1)/e) for C = 3) instead of 0, and the gradients on the logits are 3.9x smaller than without the softmax
  // CHECK-MESSAGES: :[[@LINE-18]]:52: note: softmax applied by this torch::nn::Softmax module
}

// A ModuleDict filled by update(), the Softmax module an entry of its own.
struct UpdatedDictImpl : nn::Module {
  UpdatedDictImpl() {
    blocks = register_module("blocks", nn::ModuleDict());
    blocks->update({{"fc", nn::Linear(10, 4).ptr()},
                    {"probs", nn::Softmax(1).ptr()}});
  }
  torch::Tensor forward(torch::Tensor x) {
    auto logits = blocks["fc"]->as<nn::Linear>()->forward(x);
    return blocks["probs"]->as<nn::Softmax>()->forward(logits);
  }
  nn::ModuleDict blocks{nullptr};
};
TORCH_MODULE(UpdatedDict);

void moduleDictFilledByUpdate() {
  UpdatedDict model;
  nn::CrossEntropyLoss criterion;
  auto loss = criterion(model(torch::randn({8, 10})), torch::randint(0, 4, {8}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-15]]:31: note: softmax applied by this torch::nn::Softmax module
}

// A ModuleList grown by push_back, read at constant indices.
void moduleListIndexedByConstants() {
  nn::ModuleList layers;
  layers->push_back(nn::Linear(10, 3));
  layers->push_back(nn::Softmax(1));
  nn::CrossEntropyLoss criterion;
  auto h = layers[0]->as<nn::Linear>()->forward(torch::randn({32, 10}));
  auto out = layers[1]->as<nn::Softmax>()->forward(h);
  auto loss = criterion(out, torch::randint(0, 3, {32}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-6]]:21: note: softmax applied by this torch::nn::Softmax module
}

// A ModuleList built from its modules, read with the typed accessors.
void moduleListTypedAccess() {
  nn::ModuleList layers(nn::Linear(10, 3), nn::ReLU(), nn::Softmax(1));
  auto h = layers->at<nn::LinearImpl>(0).forward(torch::randn({32, 10}));
  auto out = layers->ptr<nn::SoftmaxImpl>(2)->forward(h);
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of CrossEntropyLoss is already a softmax
  // CHECK-MESSAGES: :[[@LINE-5]]:56: note: softmax applied by this torch::nn::Softmax module
}

//===--- Negative: the module picked is not provably a softmax -----------===//

// The softmax entry only serves reports; the loss gets the logits entry.
void moduleDictSoftmaxForReportsOnly() {
  NamedModules named = {{"logits", nn::Linear(10, 3).ptr()},
                        {"probs", nn::Softmax(1).ptr()}};
  nn::ModuleDict heads(named);
  auto logits = heads["logits"]->as<nn::Linear>()->forward(torch::randn({32, 10}));
  auto loss = F::cross_entropy(logits, torch::randint(0, 3, {32}));
  auto confidence = heads["probs"]->as<nn::Softmax>()->forward(logits);
}

// The key comes from the caller: which entry is used is unknown here.
void moduleDictKeyFromCaller(const std::string &key) {
  NamedModules named = {
      {"logits", nn::Sequential(nn::Linear(10, 3)).ptr()},
      {"probs", nn::Sequential(nn::Linear(10, 3), nn::Softmax(1)).ptr()}};
  nn::ModuleDict heads(named);
  auto out = heads[key]->as<nn::Sequential>()->forward(torch::randn({32, 10}));
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}

// update() replaces the entry of a key that the dictionary holds.
void moduleDictEntryReplaced() {
  nn::ModuleDict heads;
  heads->update({{"head", nn::Sequential(nn::Linear(10, 3), nn::Softmax(1)).ptr()}});
  heads->update({{"head", nn::Sequential(nn::Linear(10, 3)).ptr()}});
  auto out = heads["head"]->as<nn::Sequential>()->forward(torch::randn({32, 10}));
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}

// A key added from a runtime value may replace any entry.
void moduleDictUnknownKeyAdded(const std::string &name) {
  nn::ModuleDict heads;
  heads->update({{"head", nn::Sequential(nn::Linear(10, 3), nn::Softmax(1)).ptr()}});
  heads->update({{name, nn::Sequential(nn::Linear(10, 3)).ptr()}});
  auto out = heads["head"]->as<nn::Sequential>()->forward(torch::randn({32, 10}));
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}

// The Softmax is added only when the caller asks for it.
void moduleListGrownConditionally(bool probabilities) {
  nn::ModuleList layers;
  layers->push_back(nn::Linear(10, 3));
  if (probabilities)
    layers->push_back(nn::Softmax(1));
  auto out = layers[0]->as<nn::Linear>()->forward(torch::randn({32, 10}));
  if (layers->size() > 1)
    out = layers[1]->as<nn::Softmax>()->forward(out);
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}

// The index comes from the caller.
void moduleListIndexFromCaller(int64_t i) {
  nn::ModuleList heads(nn::Sequential(nn::Linear(10, 3)),
                       nn::Sequential(nn::Linear(10, 3), nn::Softmax(1)));
  auto out = heads[i]->as<nn::Sequential>()->forward(torch::randn({32, 10}));
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}

// insert() shifts the modules after the index: heads[0] is the new one.
void moduleListInsertShiftsIndices() {
  nn::ModuleList heads(nn::Sequential(nn::Linear(10, 3), nn::Softmax(1)));
  heads->insert(0, nn::Sequential(nn::Linear(10, 3)));
  auto out = heads[0]->as<nn::Sequential>()->forward(torch::randn({32, 10}));
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}

// A list grown in a loop: which module index 0 holds is unknown.
void moduleListGrownInALoop(int64_t depth) {
  nn::ModuleList heads;
  for (int64_t i = 0; i < depth; ++i)
    heads->push_back(nn::Sequential(nn::Linear(10, 3)));
  heads->push_back(nn::Sequential(nn::Linear(10, 3), nn::Softmax(1)));
  auto out = heads[0]->as<nn::Sequential>()->forward(torch::randn({32, 10}));
  auto loss = F::cross_entropy(out, torch::randint(0, 3, {32}));
}
