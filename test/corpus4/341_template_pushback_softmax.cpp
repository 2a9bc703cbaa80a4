// LABEL: torch-softmax-before-cross-entropy
// LINE: 13
// RUNTIME: ran, loss=1.94195
#include <torch/torch.h>
#include <iostream>
#include <vector>

constexpr int64_t kClasses = 7;

template <typename Model>
torch::Tensor batch_loss(Model& model, const torch::Tensor& x, const torch::Tensor& y) {
  auto scores = model->forward(x);
  return torch::nn::functional::cross_entropy(scores, y);
}

template <typename Model>
float run_epoch(Model& model, torch::optim::Optimizer& opt,
                const std::vector<std::pair<torch::Tensor, torch::Tensor>>& data) {
  float last = 0.f;
  for (const auto& [x, y] : data) {
    opt.zero_grad();
    auto loss = batch_loss(model, x, y);
    loss.backward();
    opt.step();
    last = loss.template item<float>();
  }
  return last;
}

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential model;
  model->push_back("fc1", torch::nn::Linear(14, 28));
  model->push_back("act", torch::nn::ELU());
  model->push_back("fc2", torch::nn::Linear(28, kClasses));
  model->push_back("probs", torch::nn::Softmax(torch::nn::SoftmaxOptions(-1)));

  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-3));

  std::vector<std::pair<torch::Tensor, torch::Tensor>> data;
  for (int i = 0; i < 4; ++i) {
    data.emplace_back(torch::randn({8, 14}), torch::randint(0, kClasses, {8}));
  }

  float loss = 0.f;
  for (int epoch = 0; epoch < 3; ++epoch) {
    loss = run_epoch(model, opt, data);
  }
  std::cout << "loss=" << loss << std::endl;
  return 0;
}
