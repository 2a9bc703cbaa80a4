// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 30
// RUNTIME: ran, loss=0.785813
#include <torch/torch.h>

#include <functional>
#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

// Multi-label genre tagging of movie plot embeddings.
class GenreTrainer {
 public:
  GenreTrainer(int64_t dim, int64_t genres)
      : backbone_(torch::nn::Linear(dim, 32)), classifier_(torch::nn::Linear(32, genres)) {
    std::vector<torch::Tensor> params = backbone_->parameters();
    for (auto& p : classifier_->parameters()) params.push_back(p);
    optimizer_ = std::make_unique<torch::optim::Adam>(params, torch::optim::AdamOptions(0.02));
    predict_ = [this](const torch::Tensor& x) {
      auto h = torch::relu(backbone_(x));
      return classifier_(h).sigmoid();
    };
    pos_weight_ = torch::full({genres}, 3.0);
  }

  double fit_batch(const torch::Tensor& x, const torch::Tensor& multi_hot) {
    optimizer_->zero_grad();
    auto out = predict_(x);
    auto loss = F::binary_cross_entropy_with_logits(
        out, multi_hot, F::BinaryCrossEntropyWithLogitsFuncOptions().pos_weight(pos_weight_));
    loss.backward();
    optimizer_->step();
    return loss.item<double>();
  }

 private:
  torch::nn::Linear backbone_, classifier_;
  std::unique_ptr<torch::optim::Adam> optimizer_;
  std::function<torch::Tensor(const torch::Tensor&)> predict_;
  torch::Tensor pos_weight_;
};

int main() {
  torch::manual_seed(0);
  GenreTrainer trainer(10, 4);
  auto plots = torch::randn({12, 10});
  auto genres = (torch::rand({12, 4}) > 0.6).to(torch::kFloat);
  double loss = 0;
  for (int epoch = 0; epoch < 100; ++epoch) loss = trainer.fit_batch(plots, genres);
  std::cout << "loss=" << loss << std::endl;
}
