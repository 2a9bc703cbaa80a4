// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.913867
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

constexpr int64_t kClasses = 6;
constexpr double kTemperature = 2.0;

nn::Sequential make_mlp(int64_t in, int64_t hidden) {
  return nn::Sequential(nn::Linear(in, hidden), nn::ReLU(), nn::Linear(hidden, kClasses));
}

int main() {
  torch::manual_seed(0);
  auto x = torch::randn({48, 10});
  auto hard = x.slice(1, 0, kClasses).argmax(1);

  auto teacher = make_mlp(10, 64);
  auto student = make_mlp(10, 8);
  torch::optim::Adam topt(teacher->parameters(), torch::optim::AdamOptions(0.01));
  for (int i = 0; i < 50; ++i) {
    topt.zero_grad();
    auto l = F::cross_entropy(teacher->forward(x), hard);
    l.backward();
    topt.step();
  }

  // Soft targets: the teacher's tempered distribution, same shape as the logits.
  torch::Tensor soft;
  {
    torch::NoGradGuard no_grad;
    soft = torch::softmax(teacher->forward(x) / kTemperature, 1);
  }

  torch::optim::Adam sopt(student->parameters(), torch::optim::AdamOptions(0.01));
  torch::Tensor loss;
  for (int i = 0; i < 60; ++i) {
    sopt.zero_grad();
    auto student_logits = student->forward(x) / kTemperature;
    loss = F::cross_entropy(student_logits, soft);
    loss.backward();
    sopt.step();
  }
  std::cout << "final distillation loss " << loss.item<float>() << std::endl;
}
