// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.51057
#include <torch/torch.h>

#include <iostream>
#include <tuple>

#include "tagger.h"

// Part-of-speech tagger; cross-entropy wants the tag dimension second.
torch::Tensor SequenceTaggerImpl::forward(const torch::Tensor& tokens) {
  auto embedded = embed_(tokens);
  auto states = std::get<0>(lstm_->forward(embedded));
  return proj_(states).permute({0, 2, 1});  // [B, num_tags, T]
}

int main() {
  torch::manual_seed(0);
  TaggerConfig cfg;
  cfg.num_tags = 6;  // NOUN VERB ADJ ADV DET PUNCT
  SequenceTagger tagger(cfg);
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().ignore_index(-100).label_smoothing(0.05));
  torch::optim::Adam optimizer(tagger->parameters(), torch::optim::AdamOptions(1e-2));

  torch::Tensor loss;
  for (int step = 0; step < 20; ++step) {
    auto batch = make_tagged_batch(cfg, /*batch=*/4, /*max_len=*/9, /*pad_tag=*/-100);
    optimizer.zero_grad();
    loss = criterion(tagger(batch.tokens), batch.tags);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
