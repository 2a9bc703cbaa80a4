// LABEL: torch-float-class-target
// LINE: 15
// RUNTIME: expected scalar type Long but found Int
#include <torch/torch.h>
#include <cstdint>
#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

// Labels as they come out of a C API: plain int32_t buffer.
std::vector<int32_t> load_labels() { return {4, 0, 3, 1, 2, 2, 0, 4}; }

torch::Tensor nll_on_logits(const torch::Tensor& logits, const torch::Tensor& target) {
  return F::nll_loss(F::log_softmax(logits, F::LogSoftmaxFuncOptions(1)), target);
}

int main() {
  torch::manual_seed(0);
  std::vector<int32_t> raw = load_labels();
  auto labels = torch::from_blob(raw.data(), {static_cast<int64_t>(raw.size())},
                                 torch::kInt32).clone();
  auto x = torch::randn({8, 16});

  torch::nn::Linear l1(16, 16), l2(16, 5);
  std::vector<torch::Tensor> params = l1->parameters();
  for (auto& p : l2->parameters()) params.push_back(p);
  torch::optim::SGD opt(params, torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    loss = nll_on_logits(l2(torch::relu(l1(x))), labels);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
