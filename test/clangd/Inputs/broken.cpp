// Does not compile: an undeclared name and a missing semicolon. The softmax
// before CrossEntropyLoss is reported with the errors and after their repair.
#include <torch/torch.h>

void train() {
  torch::nn::Sequential model(torch::nn::Linear(10, 3), torch::nn::Softmax(1));
  torch::nn::CrossEntropyLoss criterion;
  auto inputs = torch::randn({32, 10});
  auto targets = torch::randint(0, 3, {32});
  auto loss = criterion(model->forward(inputs), targets);
  undeclared_helper(loss)
}
