// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.109819
#include "click_models.h"

#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  auto train = make_ctr_batch(120);
  auto valid = make_ctr_batch(40);

  ClickScorer scorer;
  nn::BCEWithLogitsLoss train_loss;
  nn::BCELoss eval_loss;
  torch::optim::Adam opt(scorer->parameters(), torch::optim::AdamOptions(0.02));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 40; ++epoch) {
    opt.zero_grad();
    loss = train_loss(scorer(train.user, train.item), train.clicked);
    loss.backward();
    opt.step();
  }
  torch::NoGradGuard no_grad;
  auto p = scorer->probability(valid.user, valid.item);
  auto valid_loss = eval_loss(p, valid.clicked);
  std::cout << "final loss " << loss.item<float>() << " valid " << valid_loss.item<float>()
            << std::endl;
}
