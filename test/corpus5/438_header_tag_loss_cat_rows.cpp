// LABEL: torch-cross-entropy-shape-mismatch
// LINE: include/tagging_loss.h:9
// RUNTIME: Expected input batch_size (3) to match target batch_size (18).
#include <torch/torch.h>

#include <iostream>
#include <vector>

#include "tagging_loss.h"

constexpr int64_t kPosTags = 5;
constexpr int64_t kSeqLen = 6;

int main() {
  torch::manual_seed(0);
  // Fixed-length windows of token features and their part-of-speech tags.
  std::vector<torch::Tensor> windows, tag_rows;
  for (int i = 0; i < 3; ++i) {
    windows.push_back(torch::randn({kSeqLen, 10}));
    tag_rows.push_back(torch::randint(0, kPosTags, {kSeqLen}));
  }
  auto batch = torch::stack(windows);  // [3, kSeqLen, 10]
  auto gold = torch::cat(tag_rows);    // gold tags for the batch

  torch::nn::Linear emit(10, kPosTags);
  torch::optim::SGD opt(emit->parameters(), 0.1);
  opt.zero_grad();
  auto emissions = emit(batch);  // [3, kSeqLen, kPosTags]
  auto loss = tagging::tag_loss(emissions, gold);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
