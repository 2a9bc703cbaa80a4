// LABEL: torch-target-out-of-range
// LINE: 49
// RUNTIME: Target 3 is out of bounds.
#include <torch/torch.h>

#include <iostream>
#include <vector>

class Backbone : public torch::nn::Module {
 public:
  Backbone(int64_t in, int64_t width) : fc_(register_module("fc", torch::nn::Linear(in, width))) {}
  torch::Tensor forward(torch::Tensor x) { return torch::relu(fc_->forward(x)); }
  int64_t width() const { return fc_->options.out_features(); }

 private:
  torch::nn::Linear fc_;
};

class Head : public torch::nn::Module {
 public:
  Head(int64_t width, int64_t num_classes)
      : out_(register_module("out", torch::nn::Linear(width, num_classes))) {}
  torch::Tensor forward(torch::Tensor x) { return out_->forward(x); }

 private:
  torch::nn::Linear out_;
};

class Model : public torch::nn::Module {
 public:
  Model(int64_t in, int64_t width, int64_t num_classes)
      : backbone_(register_module("backbone", std::make_shared<Backbone>(in, width))),
        head_(register_module("head", std::make_shared<Head>(backbone_->width(), num_classes))) {}
  torch::Tensor forward(torch::Tensor x) { return head_->forward(backbone_->forward(x)); }

 private:
  std::shared_ptr<Backbone> backbone_;
  std::shared_ptr<Head> head_;
};

class Experiment {
 public:
  explicit Experiment(int64_t num_classes)
      : model_(std::make_shared<Model>(4, 16, num_classes)),
        opt_(model_->parameters(), torch::optim::AdamOptions(1e-2)) {}

  float train_epoch(const torch::Tensor& x, const torch::Tensor& y) {
    opt_.zero_grad();
    auto loss = loss_(model_->forward(x), y);
    loss.backward();
    opt_.step();
    return loss.item<float>();
  }

 private:
  std::shared_ptr<Model> model_;
  torch::optim::Adam opt_;
  torch::nn::CrossEntropyLoss loss_;
};

int main() {
  torch::manual_seed(0);
  // survey answers: 1 = disagree, 2 = neutral, 3 = agree
  std::vector<int64_t> answers = {1, 3, 2, 2, 1, 3, 3, 2, 1, 1, 2, 3};
  auto y = torch::tensor(answers);
  auto x = torch::randn({static_cast<int64_t>(answers.size()), 4}) + y.unsqueeze(1).to(torch::kFloat);

  const int64_t num_classes = 3;
  Experiment exp(num_classes);
  for (int epoch = 0; epoch < 5; ++epoch) std::cout << "loss=" << exp.train_epoch(x, y) << "\n";
}
