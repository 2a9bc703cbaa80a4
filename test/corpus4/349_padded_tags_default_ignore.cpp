// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.15284
#include <torch/torch.h>
#include <iostream>
#include <vector>

constexpr int64_t kTags = 4;
constexpr int64_t kPad = -100;  // default ignore_index of the loss

// Pads variable-length tag sequences to a [B, T] tensor.
torch::Tensor pad_tags(const std::vector<std::vector<int64_t>>& seqs, int64_t max_len) {
  auto out = torch::full({static_cast<int64_t>(seqs.size()), max_len}, kPad, torch::kLong);
  for (size_t i = 0; i < seqs.size(); ++i) {
    for (size_t t = 0; t < seqs[i].size(); ++t) {
      out[i][t] = seqs[i][t];
    }
  }
  return out;
}

int main() {
  torch::manual_seed(0);
  std::vector<std::vector<int64_t>> tag_seqs = {{0, 1, 3}, {2, 2, 1, 0, 3}, {1}};
  const int64_t max_len = 5;
  auto tags = pad_tags(tag_seqs, max_len);             // [3, 5]

  torch::nn::Linear emission(12, kTags);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(emission->parameters(), torch::optim::SGDOptions(0.1));

  auto token_feats = torch::randn({3, max_len, 12});
  torch::Tensor loss;
  for (int step = 0; step < 3; ++step) {
    opt.zero_grad();
    auto scores = emission(token_feats).permute({0, 2, 1});  // [3, 4, 5]
    loss = criterion(scores, tags);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
