// LABEL: torch-float-class-target
// LINE: 31
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>

constexpr int64_t kClasses = 3;

int main() {
  torch::manual_seed(0);
  torch::nn::Sequential teacher(torch::nn::Linear(4, kClasses));
  torch::nn::Sequential student(torch::nn::Linear(4, 8), torch::nn::ReLU(),
                                torch::nn::Linear(8, kClasses));
  torch::optim::SGD opt(student->parameters(), 0.1);
  torch::nn::CrossEntropyLoss criterion;

  auto x = torch::randn({6, 4});
  // Ground truth as written by the data-prep script: -1 marks an unlabeled row.
  auto ground_truth = torch::tensor({2.0f, -1.0f, 0.0f, -1.0f, 1.0f, -1.0f});

  torch::Tensor pseudo;
  {
    torch::NoGradGuard no_grad;
    pseudo = teacher->forward(x).argmax(/*dim=*/1);
  }
  auto labeled = ground_truth.ge(0);
  auto targets = torch::where(labeled, ground_truth, pseudo.to(torch::kFloat));

  opt.zero_grad();
  auto loss = criterion(student->forward(x), targets);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
