// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.651588
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kGlyphs = 6;
constexpr double kSmoothing = 0.1;

torch::Tensor smooth(const torch::Tensor& labels) {
  auto hard = F::one_hot(labels, kGlyphs).to(torch::kFloat);
  return hard * (1.0 - kSmoothing) + kSmoothing / kGlyphs;
}

int main() {
  torch::manual_seed(0);
  auto glyph = torch::arange(36, torch::kLong).remainder(kGlyphs);
  auto strokes = torch::randn({36, 10}) + F::one_hot(glyph, 10).to(torch::kFloat) * 1.5;
  auto soft = smooth(glyph);  // [36, kGlyphs], rows sum to one

  torch::nn::Sequential model(torch::nn::Linear(10, 20), torch::nn::SiLU(),
                              torch::nn::Linear(20, kGlyphs));
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-2));
  torch::Tensor loss;
  for (int step = 0; step < 50; ++step) {
    optimizer.zero_grad();
    loss = F::cross_entropy(model->forward(strokes), soft);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
