// LABEL: torch-stray-unsqueeze
// LINE: 36
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>
#include <iostream>
#include <vector>

struct Sample {
  torch::Tensor features;
  int64_t label;
};

static std::vector<Sample> make_samples(int n) {
  std::vector<Sample> out;
  for (int i = 0; i < n; ++i) {
    out.push_back({torch::randn({5}), static_cast<int64_t>(i % 3)});
  }
  return out;
}

int main() {
  torch::manual_seed(0);
  auto samples = make_samples(6);
  std::vector<torch::Tensor> xs;
  std::vector<int64_t> ys;
  for (const auto& s : samples) {
    xs.push_back(s.features);
    ys.push_back(s.label);
  }
  auto inputs = torch::stack(xs);
  auto labels = torch::tensor(ys, torch::kLong).unsqueeze(1);

  torch::nn::Linear fc(5, 3);
  torch::nn::CrossEntropyLoss ce(torch::nn::CrossEntropyLossOptions().reduction(torch::kMean));
  auto logits = fc(inputs);
  auto loss = ce->forward(logits, labels);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
