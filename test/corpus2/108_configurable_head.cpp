// LABEL: torch-softmax-before-cross-entropy
// LINE: 53
// RUNTIME: ran, loss=2.29989
#include <torch/torch.h>

#include <iostream>
#include <string>

struct HeadConfig {
  int64_t input_dim = 20;
  int64_t depth = 3;
  int64_t width = 32;
  int64_t num_classes = 10;
  bool output_probabilities = true;
};

class DeepClassifierImpl : public torch::nn::Module {
 public:
  explicit DeepClassifierImpl(HeadConfig cfg) : cfg_(cfg) {
    int64_t in = cfg.input_dim;
    for (int64_t i = 0; i < cfg.depth; ++i) {
      blocks_->push_back(torch::nn::Linear(in, cfg.width));
      in = cfg.width;
    }
    out_ = torch::nn::Linear(in, cfg.num_classes);
    norm_ = torch::nn::Softmax(1);
    register_module("blocks", blocks_);
    register_module("out", out_);
    register_module("norm", norm_);
  }

  torch::Tensor forward(torch::Tensor x) {
    for (const auto& m : *blocks_) x = torch::gelu(m->as<torch::nn::Linear>()->forward(x));
    x = out_->forward(x);
    if (cfg_.output_probabilities) {
      return norm_->forward(x);
    }
    return x;
  }

 private:
  HeadConfig cfg_;
  torch::nn::ModuleList blocks_;
  torch::nn::Linear out_{nullptr};
  torch::nn::Softmax norm_{nullptr};
};
TORCH_MODULE(DeepClassifier);

template <typename Model, typename Optimizer>
float train_step(Model& model, Optimizer& optimizer, const torch::Tensor& x, const torch::Tensor& y) {
  optimizer.zero_grad();
  auto out = model->forward(x);
  auto loss = torch::nn::functional::cross_entropy(out, y);
  loss.backward();
  optimizer.step();
  return loss.template item<float>();
}

int main() {
  torch::manual_seed(0);
  HeadConfig cfg;
  DeepClassifier model(cfg);
  torch::optim::AdamW opt(model->parameters(), torch::optim::AdamWOptions(3e-3));

  auto x = torch::randn({50, cfg.input_dim});
  auto y = torch::randint(0, cfg.num_classes, {50});

  float loss = 0;
  for (int epoch = 0; epoch < 8; ++epoch) loss = train_step(model, opt, x, y);
  std::cout << "loss=" << loss << std::endl;
}
