// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=6.48763
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  const double T = 2.0;
  torch::nn::Sequential teacher(torch::nn::Linear(6, 32), torch::nn::ReLU(), torch::nn::Linear(32, 5));
  torch::nn::Sequential student(torch::nn::Linear(6, 8), torch::nn::ReLU(), torch::nn::Linear(8, 5));
  teacher->eval();
  torch::nn::CrossEntropyLoss soft_ce;
  torch::optim::SGD opt(student->parameters(), 0.1);

  auto x = torch::randn({12, 6});
  torch::Tensor soft_targets;
  {
    torch::NoGradGuard ng;
    soft_targets = F::softmax(teacher->forward(x) / T, F::SoftmaxFuncOptions(1));
  }
  torch::Tensor loss;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    auto student_logits = student->forward(x) / T;
    loss = soft_ce(student_logits, soft_targets) * (T * T);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
