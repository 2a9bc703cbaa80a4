// LABEL: torch-stray-unsqueeze
// LINE: 21
// RUNTIME: only batches of spatial targets supported (3D tensors) but got targets of dimension: 2
#include <torch/torch.h>
#include <iostream>
#include <tuple>

std::tuple<torch::Tensor, torch::Tensor> make_sequence_batch(int64_t n, int64_t ch, int64_t len, int64_t classes) {
  auto x = torch::randn({n, ch, len});
  auto tags = torch::randint(0, classes, {n, len}, torch::kLong);
  return {x, tags};
}

int main() {
  torch::manual_seed(0);
  const int64_t classes = 5;
  torch::nn::Conv1d tagger(torch::nn::Conv1dOptions(3, classes, 3).padding(1));
  torch::nn::CrossEntropyLoss loss_fn;
  auto [x, tags] = make_sequence_batch(2, 3, 7, classes);
  auto emissions = tagger(x).unsqueeze(1);
  auto loss = loss_fn(emissions, tags);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
