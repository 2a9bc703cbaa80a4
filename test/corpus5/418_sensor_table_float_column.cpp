// LABEL: torch-float-class-target
// LINE: 30
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

constexpr int64_t kActivities = 3;  // sit, walk, run

int main() {
  torch::manual_seed(0);
  // Each row: four accelerometer statistics followed by the activity id.
  auto table = torch::tensor({{0.1, 0.0, 0.2, 0.1, 0.0},
                              {0.8, 0.7, 0.9, 0.6, 1.0},
                              {1.9, 2.1, 1.7, 2.2, 2.0},
                              {0.2, 0.1, 0.1, 0.0, 0.0},
                              {0.9, 0.6, 0.8, 0.7, 1.0},
                              {2.0, 1.8, 2.3, 1.9, 2.0}});
  auto features = table.narrow(/*dim=*/1, /*start=*/0, /*length=*/4);
  auto activity = table.select(/*dim=*/1, /*index=*/4);

  torch::nn::Linear model(4, kActivities);
  torch::optim::SGD opt(model->parameters(), 0.1);
  torch::Tensor loss;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    auto log_probs = F::log_softmax(model(features), F::LogSoftmaxFuncOptions(1));
    loss = F::nll_loss(log_probs, activity);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
