// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=inf
#include <torch/torch.h>

#include <cmath>
#include <iostream>

struct ScaledCosineHead : torch::nn::Module {
  explicit ScaledCosineHead(int64_t dim, int64_t classes, double scale)
      : scale_(scale) {
    prototypes_ = register_parameter("prototypes", torch::randn({classes, dim}));
  }
  // Cosine similarity to each class prototype, sharpened by a large scale.
  torch::Tensor forward(const torch::Tensor& emb) {
    auto e = torch::nn::functional::normalize(
        emb, torch::nn::functional::NormalizeFuncOptions().dim(1));
    auto p = torch::nn::functional::normalize(
        prototypes_, torch::nn::functional::NormalizeFuncOptions().dim(1));
    return scale_ * e.matmul(p.t());
  }

 private:
  torch::Tensor prototypes_;
  double scale_;
};

auto class_distribution(ScaledCosineHead& head, const torch::Tensor& emb) {
  return head.forward(emb).softmax(1);
}

auto nll_of(const torch::Tensor& probs, const torch::Tensor& speaker) {
  auto log_probs = torch::log(probs);
  return torch::nll_loss(log_probs, speaker);
}

int main() {
  torch::manual_seed(0);
  // Speaker identification over 4 enrolled speakers.
  ScaledCosineHead head(16, 4, /*scale=*/200.0);
  auto embeddings = torch::randn({8, 16});
  auto speaker = torch::tensor({0, 1, 2, 3, 3, 2, 1, 0}, torch::kLong);

  auto probs = class_distribution(head, embeddings);
  auto loss = nll_of(probs, speaker);
  std::cout << "loss=" << loss.item<double>()
            << " (finite: " << std::isfinite(loss.item<double>()) << ")" << std::endl;
}
