// LABEL: torch-stray-unsqueeze
// LINE: 23
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  auto model = torch::nn::Sequential(torch::nn::Linear(4, 4), torch::nn::Tanh(), torch::nn::Linear(4, 3));
  auto crit = torch::nn::CrossEntropyLoss();
  torch::optim::SGD opt(model->parameters(), 0.05);

  auto dataset_x = torch::randn({5, 4});
  auto dataset_y = torch::tensor({0, 2, 1, 2, 0});

  for (int64_t i = 0; i < dataset_x.size(0); ++i) {
    auto sample = dataset_x.slice(0, i, i + 1);   // [1, 4]
    auto target = dataset_y.slice(0, i, i + 1);   // [1]
    target = target.unsqueeze(0);

    opt.zero_grad();
    auto pred = model->forward(sample);
    auto loss = crit(pred, target);
    loss.backward();
    opt.step();
    std::cout << "sample " << i << " loss " << loss.item<float>() << std::endl;
  }
}
