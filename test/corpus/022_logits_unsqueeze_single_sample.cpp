// LABEL: torch-stray-unsqueeze
// LINE: 18
// RUNTIME: Expected input batch_size (4) to match target batch_size (1).
#include <torch/torch.h>
#include <iostream>
#include <vector>

class OnlineLearner {
 public:
  OnlineLearner(int64_t dim, int64_t classes)
      : model_(torch::nn::Linear(dim, classes)),
        opt_(model_->parameters(), torch::optim::SGDOptions(0.05)) {}

  torch::Tensor update(const torch::Tensor& sample, int64_t label) {
    opt_.zero_grad();
    auto logits = model_->forward(sample);          // [classes]
    auto target = torch::tensor({label});           // [1]
    auto loss = loss_(logits.unsqueeze(1), target);
    loss.backward();
    opt_.step();
    return loss.detach();
  }

 private:
  torch::nn::Linear model_;
  torch::optim::SGD opt_;
  torch::nn::CrossEntropyLoss loss_;
};

int main() {
  torch::manual_seed(0);
  OnlineLearner learner(6, 4);
  std::vector<int64_t> stream_labels = {2, 0, 3};
  for (auto lbl : stream_labels) {
    auto l = learner.update(torch::randn({6}), lbl);
    std::cout << "loss=" << l.item<float>() << std::endl;
  }
  return 0;
}
