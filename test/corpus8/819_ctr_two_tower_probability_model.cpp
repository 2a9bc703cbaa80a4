// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 23
// RUNTIME: ran, loss=0.574033
#include "click_models.h"

#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  std::vector<CtrBatch> days;
  for (int d = 0; d < 3; ++d) days.push_back(make_ctr_batch(40));

  ClickProbabilityModel model;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(0.02));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 30; ++epoch) {
    for (const auto& day : days) {
      opt.zero_grad();
      auto p_click = model(day.user, day.item);
      loss = F::binary_cross_entropy_with_logits(p_click, day.clicked);
      loss.backward();
      opt.step();
    }
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
