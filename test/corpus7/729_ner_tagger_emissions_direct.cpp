// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 31
// RUNTIME: Expected target size [4, 5], got [4, 7]
#include <torch/torch.h>

#include <iostream>
#include <tuple>

#include "tagger.h"

torch::Tensor SequenceTaggerImpl::forward(const torch::Tensor& tokens) {
  auto embedded = embed_(tokens);                       // [B, T, E]
  auto states = std::get<0>(lstm_->forward(embedded));  // [B, T, H]
  return proj_(states);                                 // [B, T, num_tags]
}

int main() {
  torch::manual_seed(0);
  TaggerConfig cfg;
  cfg.vocab_size = 40;
  cfg.num_tags = 5;  // O, B-PER, I-PER, B-LOC, I-LOC
  SequenceTagger tagger(cfg);

  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions().ignore_index(-100));
  torch::optim::Adam optimizer(tagger->parameters(), torch::optim::AdamOptions(1e-2));

  for (int epoch = 0; epoch < 3; ++epoch) {
    auto batch = make_tagged_batch(cfg, /*batch=*/4, /*max_len=*/7, /*pad_tag=*/-100);
    optimizer.zero_grad();
    auto emissions = tagger(batch.tokens);
    auto loss = criterion(emissions, batch.tags);
    loss.backward();
    optimizer.step();
    std::cout << "epoch " << epoch << " loss " << loss.item<double>() << "\n";
  }
  return 0;
}
