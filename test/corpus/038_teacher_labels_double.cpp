// LABEL: torch-float-class-target
// LINE: 33
// RUNTIME: expected scalar type Long but found Double
#include <torch/torch.h>
#include <iostream>
#include <memory>

struct StudentImpl : torch::nn::Module {
  explicit StudentImpl(int64_t classes) {
    net = register_module("net", torch::nn::Sequential(torch::nn::Linear(6, 6), torch::nn::ReLU(),
                                                       torch::nn::Linear(6, classes)));
  }
  torch::Tensor forward(torch::Tensor x) { return net->forward(x); }
  torch::nn::Sequential net{nullptr};
};

int main() {
  torch::manual_seed(0);
  const int64_t classes = 3;
  torch::nn::Linear teacher(6, classes);
  std::shared_ptr<StudentImpl> student = std::make_shared<StudentImpl>(classes);

  auto x = torch::randn({5, 6});
  torch::Tensor pseudo;
  {
    torch::NoGradGuard guard;
    pseudo = teacher(x).argmax(1).to(torch::kDouble);
  }
  std::cout << "teacher class mean " << pseudo.mean().item<double>() << std::endl;

  auto distill = [&](const torch::Tensor& inputs) {
    torch::nn::CrossEntropyLoss ce;
    return ce->forward(student->forward(inputs), pseudo);
  };
  auto loss = distill(x);
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
