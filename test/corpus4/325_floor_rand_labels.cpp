// LABEL: torch-float-class-target
// LINE: 33
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kClasses = 4;

struct SyntheticTask {
  torch::Tensor inputs;
  torch::Tensor labels;
};

SyntheticTask make_task(int64_t n) {
  SyntheticTask task;
  task.inputs = torch::randn({n, 9});
  task.labels = torch::floor(torch::rand({n}) * kClasses);  // class ids 0..3
  return task;
}

int main() {
  torch::manual_seed(0);
  auto task = make_task(36);

  torch::nn::Sequential model(torch::nn::Linear(9, 18), torch::nn::SiLU(),
                              torch::nn::Linear(18, kClasses));
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::RMSprop opt(model->parameters(), torch::optim::RMSpropOptions(1e-3));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    loss = criterion(model->forward(task.inputs), task.labels);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
