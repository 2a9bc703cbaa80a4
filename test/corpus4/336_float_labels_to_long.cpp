// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.22811
#include <torch/torch.h>
#include <iostream>

// Table loaded as one float matrix: 5 feature columns + the class id in the last column.
torch::Tensor load_table() {
  auto feats = torch::randn({20, 5});
  auto cls = (torch::arange(20) % 4).to(torch::kFloat).unsqueeze(1);
  return torch::cat({feats, cls}, 1);
}

int main() {
  torch::manual_seed(0);
  auto table = load_table();
  auto x = table.slice(1, 0, 5);
  auto y = table.select(1, 5);         // float class ids
  y = y.to(torch::kLong);              // class indices must be int64

  torch::nn::Sequential model(torch::nn::Linear(5, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, 4));
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-2));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 8; ++epoch) {
    opt.zero_grad();
    loss = criterion(model->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
