// Two bugs, each with a fix-it: a stray unsqueeze and float class targets.
#include <torch/torch.h>

void train() {
  torch::nn::Linear model(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto inputs = torch::randn({32, 10});
  auto targets = torch::randint(0, 3, {32}).to(torch::kFloat);
  auto outputs = model(inputs).unsqueeze(1);
  auto loss = criterion(outputs, targets);
  loss.backward();
}
