// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.8233
#include <torch/torch.h>
#include <iostream>

int main() {
  torch::manual_seed(0);
  constexpr int kPad = -1;
  torch::nn::GRU rnn(torch::nn::GRUOptions(8, 16).batch_first(true));
  torch::nn::Linear out(16, 6);
  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions().ignore_index(kPad));

  auto seq = torch::randn({2, 4, 8});
  auto tags = torch::tensor({{1, 5, 2, kPad}, {0, 3, kPad, kPad}});

  auto hidden = std::get<0>(rnn->forward(seq));      // [2, 4, 16]
  auto scores = out(hidden);                          // [2, 4, 6]
  auto loss = criterion(scores.reshape({-1, 6}), tags.flatten());
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
