// LABEL: torch-stray-unsqueeze
// LINE: 32
// RUNTIME: Expected input batch_size (1) to match target batch_size (10).
#include <torch/torch.h>
#include <iostream>

class ClassifierImpl : public torch::nn::Module {
 public:
  explicit ClassifierImpl(int64_t classes)
      : body_(torch::nn::Linear(20, 64), torch::nn::ReLU(), torch::nn::Linear(64, classes)) {
    register_module("body", body_);
  }
  torch::Tensor forward(torch::Tensor x) { return body_->forward(x); }

 private:
  torch::nn::Sequential body_;
};
TORCH_MODULE(Classifier);

int main() {
  torch::manual_seed(0);
  Classifier clf(7);
  torch::nn::CrossEntropyLoss criterion;

  auto batch = torch::randn({10, 20});
  auto labels = torch::randint(0, 7, {10});

  try {
    auto out = clf(batch);
    // loss expects a batch dimension
    out = out.unsqueeze(0);
    auto loss = criterion(out, labels);
    std::cout << "loss=" << loss.item<float>() << std::endl;
  } catch (const std::exception& e) {
    std::cout << "error: " << e.what() << std::endl;
  }
  return 0;
}
