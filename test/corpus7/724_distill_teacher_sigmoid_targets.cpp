// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.692735
#include <torch/torch.h>

#include <iostream>

// Distilling a large spam filter into a small one: the student matches the
// teacher's spam probability for every message.
struct FilterImpl : torch::nn::Module {
  FilterImpl(int64_t in, int64_t hidden) : body(torch::nn::Linear(in, hidden)), out(hidden, 1) {
    register_module("body", body);
    register_module("out", out);
  }
  torch::Tensor forward(const torch::Tensor& x) {
    return out(torch::relu(body(x))).squeeze(-1);
  }
  torch::nn::Linear body;
  torch::nn::Linear out;
};
TORCH_MODULE(Filter);

int main() {
  torch::manual_seed(0);
  const int64_t features = 14;
  Filter teacher(features, 64);
  Filter student(features, 6);
  teacher->eval();

  auto messages = torch::randn({64, features});
  torch::Tensor soft_targets;
  {
    torch::NoGradGuard no_grad;
    soft_targets = torch::sigmoid(teacher(messages) / 2.0);
  }

  torch::nn::BCEWithLogitsLoss distill;
  torch::optim::Adam optimizer(student->parameters(), torch::optim::AdamOptions(1e-2));
  torch::Tensor loss;
  for (int step = 0; step < 60; ++step) {
    optimizer.zero_grad();
    loss = distill(student(messages) / 2.0, soft_targets);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
