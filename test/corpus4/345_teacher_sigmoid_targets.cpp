// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.695037
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kAttributes = 8;  // multi-label attributes

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential teacher(torch::nn::Linear(32, 64), torch::nn::ReLU(),
                                torch::nn::Linear(64, kAttributes));
  torch::nn::Sequential student(torch::nn::Linear(32, 16), torch::nn::ReLU(),
                                torch::nn::Linear(16, kAttributes));
  torch::optim::Adam opt(student->parameters(), torch::optim::AdamOptions(1e-3));

  auto x = torch::randn({20, 32});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    torch::Tensor soft_targets;
    {
      torch::NoGradGuard no_grad;
      soft_targets = torch::sigmoid(teacher->forward(x) / 2.0);  // temperature 2
    }
    opt.zero_grad();
    auto student_logits = student->forward(x);
    loss = F::binary_cross_entropy_with_logits(student_logits / 2.0, soft_targets);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
