// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.28185
#include <torch/torch.h>

#include <iostream>
#include <vector>

// Only some pool items have been annotated so far; the rest carry kUnlabeled.
class ActiveLearningTrainer {
 public:
  static const int64_t kUnlabeled = -1;
  static const int64_t kNumClasses = 3;

  ActiveLearningTrainer(torch::Tensor pool, std::vector<int64_t> annotations)
      : pool_(std::move(pool)),
        annotations_(std::move(annotations)),
        model_(torch::nn::Linear(pool_.size(1), kNumClasses)),
        criterion_(torch::nn::CrossEntropyLossOptions().ignore_index(kUnlabeled)),
        opt_(model_->parameters(), torch::optim::AdamOptions(1e-2)) {
    targets_ = torch::from_blob(annotations_.data(),
                                {static_cast<int64_t>(annotations_.size())}, torch::kInt64)
                   .clone();
  }

  torch::Tensor step() {
    opt_.zero_grad();
    auto loss = criterion_(model_->forward(pool_), targets_);
    loss.backward();
    opt_.step();
    return loss.detach();
  }

 private:
  torch::Tensor pool_;
  std::vector<int64_t> annotations_;
  torch::Tensor targets_;
  torch::nn::Linear model_;
  torch::nn::CrossEntropyLoss criterion_;
  torch::optim::Adam opt_;
};

const int64_t ActiveLearningTrainer::kUnlabeled;
const int64_t ActiveLearningTrainer::kNumClasses;

int main() {
  torch::manual_seed(0);
  const auto U = ActiveLearningTrainer::kUnlabeled;
  std::vector<int64_t> annotations = {0, U, 2, 1, U, 0, U, 2};
  ActiveLearningTrainer trainer(torch::randn({8, 5}), annotations);
  torch::Tensor loss;
  for (int round = 0; round < 4; ++round) loss = trainer.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
