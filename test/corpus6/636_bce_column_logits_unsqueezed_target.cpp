// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.651691
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

// Duplicate-question detection: a pair encoder with one output unit.
class PairScorerImpl : public torch::nn::Module {
 public:
  explicit PairScorerImpl(int64_t dim)
      : proj_(register_module("proj", torch::nn::Linear(dim, dim))),
        out_(register_module("out", torch::nn::Linear(2 * dim, 1))) {}

  torch::Tensor forward(const torch::Tensor& a, const torch::Tensor& b) {
    auto ha = torch::tanh(proj_(a));
    auto hb = torch::tanh(proj_(b));
    return out_(torch::cat({(ha - hb).abs(), ha * hb}, 1));  // [N, 1]
  }

 private:
  torch::nn::Linear proj_, out_;
};
TORCH_MODULE(PairScorer);

int main() {
  torch::manual_seed(0);
  PairScorer scorer(12);
  auto q1 = torch::randn({7, 12});
  auto q2 = torch::randn({7, 12});
  auto duplicate = torch::tensor({1, 0, 1, 1, 0, 0, 1});

  torch::optim::Adam opt(scorer->parameters(), 1e-2);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    auto logit = scorer(q1, q2);                               // [N, 1]
    auto target = duplicate.unsqueeze(1).to(torch::kFloat);    // [N, 1]
    loss = F::binary_cross_entropy_with_logits(logit, target);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  auto accuracy = (scorer(q1, q2).sigmoid().round().squeeze(1) == duplicate).to(torch::kFloat).mean();
  std::cout << "accuracy " << accuracy.item<float>() << "\n";
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
