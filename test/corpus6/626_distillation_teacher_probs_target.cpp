// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=10.7084
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

struct Teacher : torch::nn::Module {
  Teacher() { net = register_module("net", torch::nn::Sequential(torch::nn::Linear(10, 64), torch::nn::ReLU(), torch::nn::Linear(64, 5))); }
  torch::Tensor forward(torch::Tensor x) { return net->forward(x); }
  torch::nn::Sequential net{nullptr};
};

struct Student : torch::nn::Module {
  Student() { fc = register_module("fc", torch::nn::Linear(10, 5)); }
  torch::Tensor forward(torch::Tensor x) { return fc(x); }
  torch::nn::Linear fc{nullptr};
};

// Hinton-style distillation: the teacher's tempered distribution is the
// target of a cross-entropy on the student's (tempered) logits.
torch::Tensor distill_loss(const torch::Tensor& student_logits, const torch::Tensor& teacher_logits,
                           const torch::Tensor& hard_labels, double T, double alpha) {
  auto soft_targets = F::softmax(teacher_logits / T, F::SoftmaxFuncOptions(1));
  auto soft = F::cross_entropy(student_logits / T, soft_targets) * (T * T);
  auto hard = F::cross_entropy(student_logits, hard_labels);
  return alpha * soft + (1.0 - alpha) * hard;
}

int main() {
  torch::manual_seed(0);
  auto teacher = std::make_shared<Teacher>();
  auto student = std::make_shared<Student>();
  teacher->eval();

  auto x = torch::randn({12, 10});
  auto y = torch::randint(0, 5, {12});
  torch::optim::SGD opt(student->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 4; ++epoch) {
    torch::Tensor teacher_logits;
    {
      torch::NoGradGuard no_grad;
      teacher_logits = teacher->forward(x);
    }
    loss = distill_loss(student->forward(x), teacher_logits, y, /*T=*/3.0, /*alpha=*/0.7);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
