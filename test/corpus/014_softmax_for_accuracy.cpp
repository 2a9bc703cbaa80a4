// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.63051
#include <torch/torch.h>
#include <iostream>

#include "mlp.h"

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  demo::MLP model(8, 32, 5);
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(5e-3));

  auto x = torch::randn({20, 8});
  auto y = torch::randint(0, 5, {20});

  for (int epoch = 0; epoch < 3; ++epoch) {
    model->train();
    optimizer.zero_grad();
    auto logits = model->forward(x);
    auto loss = F::cross_entropy(logits, y);
    loss.backward();
    optimizer.step();

    torch::NoGradGuard no_grad;
    model->eval();
    auto probs = F::softmax(model->forward(x), F::SoftmaxFuncOptions(-1));
    auto accuracy = probs.argmax(-1).eq(y).to(torch::kFloat).mean();
    std::cout << "epoch " << epoch << " loss=" << loss.item<float>()
              << " acc=" << accuracy.item<float>() << "\n";
  }
}
