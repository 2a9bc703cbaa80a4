// LABEL: torch-float-class-target
// LINE: 47
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>
#include <vector>

// Loan outcome: repaid / late / defaulted.
class LoanDataset : public torch::data::datasets::Dataset<LoanDataset> {
 public:
  LoanDataset(torch::Tensor applicants, std::vector<int64_t> outcomes)
      : applicants_(std::move(applicants)), outcomes_(std::move(outcomes)) {}

  torch::data::Example<> get(size_t index) override {
    return {applicants_[static_cast<int64_t>(index)], torch::scalar_tensor(outcomes_[index])};
  }

  torch::optional<size_t> size() const override { return outcomes_.size(); }

 private:
  torch::Tensor applicants_;
  std::vector<int64_t> outcomes_;
};

int main() {
  torch::manual_seed(0);
  const int64_t n = 30;
  std::vector<int64_t> outcomes;
  for (int64_t i = 0; i < n; ++i) {
    outcomes.push_back(i % 5 == 0 ? 2 : (i % 3 == 0 ? 1 : 0));
  }
  auto applicants = torch::randn({n, 7});

  auto dataset = LoanDataset(applicants, outcomes).map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
      std::move(dataset), torch::data::DataLoaderOptions().batch_size(10));

  torch::nn::Sequential model(torch::nn::Linear(7, 12), torch::nn::ReLU(), torch::nn::Linear(12, 3),
                              torch::nn::LogSoftmax(torch::nn::LogSoftmaxOptions(1)));
  torch::nn::NLLLoss criterion;
  torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.05));

  for (int epoch = 0; epoch < 3; ++epoch) {
    for (auto& batch : *loader) {
      optimizer.zero_grad();
      auto loss = criterion(model->forward(batch.data), batch.target);
      loss.backward();
      optimizer.step();
    }
  }
  std::cout << "done\n";
  return 0;
}
