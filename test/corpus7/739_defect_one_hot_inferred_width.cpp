// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 54
// RUNTIME: Target size ([12, 5]) must be the same as input size ([12, 6])
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

enum class Defect : int64_t { kNone, kCrack, kDent, kRust, kScratch, kMissingPart, kCount };

constexpr int64_t kNumDefects = static_cast<int64_t>(Defect::kCount);

struct InspectionRecord {
  std::vector<float> sensor;
  Defect defect;
};

std::vector<InspectionRecord> load_inspections() {
  std::vector<InspectionRecord> records;
  const Defect seen[] = {Defect::kNone, Defect::kCrack, Defect::kDent,
                         Defect::kRust, Defect::kScratch, Defect::kNone};
  for (int i = 0; i < 12; ++i) {
    InspectionRecord r;
    for (int j = 0; j < 4; ++j) {
      r.sensor.push_back(0.1f * static_cast<float>((i * 5 + j * 3) % 7));
    }
    r.defect = seen[i % 6];
    records.push_back(r);
  }
  return records;
}

int main() {
  torch::manual_seed(0);
  auto records = load_inspections();
  const auto n = static_cast<int64_t>(records.size());
  auto sensors = torch::empty({n, 4});
  auto defects = torch::empty({n}, torch::kLong);
  for (int64_t i = 0; i < n; ++i) {
    sensors[i] = torch::tensor(records[i].sensor);
    defects[i] = static_cast<int64_t>(records[i].defect);
  }
  // One-vs-rest scores, one per defect type.
  auto targets = F::one_hot(defects).to(torch::kFloat);

  torch::nn::Sequential model(torch::nn::Linear(4, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, kNumDefects));
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-2));
  for (int epoch = 0; epoch < 5; ++epoch) {
    optimizer.zero_grad();
    auto scores = model->forward(sensors);
    auto loss = F::binary_cross_entropy_with_logits(
        scores, targets, F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kSum));
    loss.backward();
    optimizer.step();
  }
  std::cout << "done\n";
  return 0;
}
