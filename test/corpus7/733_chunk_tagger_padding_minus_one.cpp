// LABEL: torch-target-out-of-range
// LINE: 31
// RUNTIME: Target -1 is out of bounds.
#include <torch/torch.h>

#include <iostream>
#include <tuple>

#include "tagger.h"

namespace F = torch::nn::functional;

torch::Tensor SequenceTaggerImpl::forward(const torch::Tensor& tokens) {
  auto states = std::get<0>(lstm_->forward(embed_(tokens)));  // [B, T, H]
  return proj_(states).transpose(1, 2);                        // [B, num_tags, T]
}

constexpr int64_t kPadTag = -1;

int main() {
  torch::manual_seed(0);
  TaggerConfig cfg;
  cfg.num_tags = 3;  // B-NP, I-NP, O
  cfg.hidden = 16;
  SequenceTagger chunker(cfg);
  torch::optim::Adam optimizer(chunker->parameters(), torch::optim::AdamOptions(1e-2));

  for (int step = 0; step < 4; ++step) {
    auto batch = make_tagged_batch(cfg, /*batch=*/3, /*max_len=*/6, kPadTag);
    optimizer.zero_grad();
    auto loss = F::cross_entropy(chunker(batch.tokens), batch.tags,
                                 F::CrossEntropyFuncOptions().reduction(torch::kMean));
    loss.backward();
    optimizer.step();
    std::cout << "step " << step << " loss " << loss.item<double>() << "\n";
  }
  return 0;
}
