// LABEL: torch-softmax-before-cross-entropy
// LINE: 40
// RUNTIME: ran, loss=0.743668
#include <torch/torch.h>

#include <iostream>

#include "heads.h"
#include "synthetic.h"
#include "train_utils.h"

// Intent classifier over pooled sentence embeddings.
constexpr int64_t kEmbeddingDim = 12;
constexpr int64_t kIntents = 4;

int main() {
  torch::manual_seed(0);
  auto data = make_blobs(96, kIntents, kEmbeddingDim, 0.3);

  ClassifierHeadOptions head_opts;
  head_opts.in_features = kEmbeddingDim;
  head_opts.num_classes = kIntents;
  head_opts.dropout = 0.0;
  head_opts.normalize = true;
  ClassifierHead head(head_opts);

  OptimConfig optim_cfg;
  optim_cfg.lr = 5e-2;
  optim_cfg.epochs = 40;
  optim_cfg.batch_size = 16;
  auto optimizer = make_adam(*head, optim_cfg);
  torch::nn::CrossEntropyLoss criterion;

  LossMeter meter;
  for (int epoch = 0; epoch < optim_cfg.epochs; ++epoch) {
    meter.reset();
    for (auto& [x, y] : make_batches(shuffled(data), optim_cfg.batch_size)) {
      optimizer.zero_grad();
      auto scores = head(x);
      auto loss = criterion(scores, y);
      loss.backward();
      optimizer.step();
      meter.add(loss, x.size(0));
    }
    if (epoch % 10 == 9) {
      log_epoch("intent", epoch, meter.mean());
    }
  }
  std::cout << "final loss=" << meter.mean() << "\n";
  return 0;
}
