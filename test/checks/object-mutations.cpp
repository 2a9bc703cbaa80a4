// RUN: %check_torchlint %s 'torch-*' %t -- %torch_flags

// Objects changed after they were built: a user method that assigns a field,
// and a module's options set after construction. What was proven about the
// object before no longer holds. (Both were false alarms once: LibTorch runs
// these programs without error.)

#include <torch/torch.h>

namespace F = torch::nn::functional;

struct FixingTrainer {
  torch::nn::Linear fc{10, 3};
  torch::Tensor labels;
  FixingTrainer() : labels(torch::randint(0, 3, {32}).to(torch::kFloat)) {}
  void fix() { labels = labels.to(torch::kLong); }
  void log() const {}
  torch::Tensor step(const torch::Tensor &x) {
    return F::cross_entropy(fc(x), labels);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: target of CrossEntropyLoss holds class indices (shape [32] for input [32, 3]) but has dtype float
    // CHECK-MESSAGES: :[[@LINE-6]]:55: note: .to() converts it to float here
    // CHECK-MESSAGES: :[[@LINE+15]]:15: note: reached through this call
  }
};

// Negative: fix() converts the field to int64 before step() reads it.
void fieldFixedByAMethodBeforeTheStep() {
  FixingTrainer t;
  t.fix();
  auto loss = t.step(torch::randn({32, 10}));
}

// Positive: a const method changes nothing.
void fieldLeftAsItWas() {
  FixingTrainer t;
  t.log();
  auto loss = t.step(torch::randn({32, 10}));
}

// Negative: ignore_index set on the module's options after construction; the
// -1 entry is ignored by forward().
void ignoreIndexSetOnTheModulesOptions() {
  torch::nn::Linear fc(4, 3);
  torch::nn::CrossEntropyLoss criterion;
  criterion->options.ignore_index(-1);
  auto loss = criterion(fc(torch::randn({3, 4})), torch::tensor({0, -1, 2}));
}

// Positive: options set on a variable before the module is built.
void ignoreIndexSetOnOptionsVariable() {
  torch::nn::Linear fc(4, 3);
  torch::nn::CrossEntropyLossOptions options;
  options.ignore_index(-1);
  torch::nn::CrossEntropyLoss criterion(options);
  auto loss = criterion(fc(torch::randn({3, 4})), torch::tensor({0, -2, 2}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {-2, 0, 2} but the input [3, 3] has C = 3 classes: -2 is outside [0, 2] and not ignore_index -1; LibTorch raises "Target -2 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-2]]:51: note: torch::tensor holds the values {-2, 0, 2}
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 3 features
}

// Negative: labels pushed into a vector inside a local object, in a loop. The
// object's vector is no longer the empty one it was built with, so the batch
// size of the target is unknown (it was once taken as 0: a false "batch
// sizes differ").
struct LabelStore {
  std::vector<int64_t> labels;
  int64_t rows() const { return static_cast<int64_t>(labels.size()); }
};

void labelsPushedIntoAFieldInALoop() {
  LabelStore store;
  for (int64_t i = 0; i < 30; ++i)
    store.labels.push_back(i % 3);
  auto target =
      torch::from_blob(store.labels.data(), {store.rows()}, torch::kLong);
  torch::nn::Linear fc(4, 3);
  auto loss = F::cross_entropy(fc(torch::randn({30, 4})), target);
}
