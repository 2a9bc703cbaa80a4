// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.10899
#include <torch/torch.h>
#include <iostream>

#include "dual_mode_classifier.h"

constexpr int64_t kClasses = 4;

int main() {
  torch::manual_seed(0);
  DualModeClassifier model(12, kClasses);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-2));

  auto x_train = torch::randn({40, 12});
  auto y_train = torch::randint(0, kClasses, {40});

  torch::Tensor loss;
  model->train();
  for (int epoch = 0; epoch < 6; ++epoch) {
    opt.zero_grad();
    auto logits = model->forward(x_train);  // training mode: raw logits
    loss = criterion(logits, y_train);
    loss.backward();
    opt.step();
  }

  model->eval();
  torch::NoGradGuard no_grad;
  auto x_test = torch::randn({5, 12});
  auto probs = model->forward(x_test);      // eval mode: probabilities
  std::cout << "predicted " << probs.argmax(1) << std::endl;
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
