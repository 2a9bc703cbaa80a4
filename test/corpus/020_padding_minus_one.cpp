// LABEL: torch-target-out-of-range
// LINE: 28
// RUNTIME: Target -1 is out of bounds.
#include <torch/torch.h>
#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

const int64_t PAD = -1;

torch::Tensor pad_batch(const std::vector<std::vector<int64_t>>& seqs, int64_t len) {
  auto out = torch::full({static_cast<int64_t>(seqs.size()), len}, PAD, torch::kLong);
  for (size_t b = 0; b < seqs.size(); ++b)
    for (size_t t = 0; t < seqs[b].size(); ++t) out[b][t] = seqs[b][t];
  return out;
}

int main() {
  torch::manual_seed(0);
  std::vector<std::vector<int64_t>> labels = {{0, 2, 1, 1}, {2, 0}, {1, 1, 0}};
  auto target = pad_batch(labels, 4);  // [3, 4]

  torch::nn::Conv1d conv(torch::nn::Conv1dOptions(6, 3, 3).padding(1));
  auto feats = torch::randn({3, 6, 4});
  auto scores = conv(feats);  // [3, 3, 4]

  auto loss = F::cross_entropy(scores, target);
  std::cout << "loss=" << loss.item<float>() << "\n";
}
