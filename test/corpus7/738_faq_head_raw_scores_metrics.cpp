// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.434
#include <torch/torch.h>

#include <iomanip>
#include <iostream>

#include "heads.h"
#include "metrics.h"
#include "synthetic.h"

// FAQ matcher: which of five canned answers fits a question embedding.
int main() {
  torch::manual_seed(0);
  const int64_t answers = 5;
  auto all = make_blobs(100, answers, 16, 0.4);
  LabeledSet train{all.features.narrow(0, 0, 80), all.labels.narrow(0, 0, 80)};
  LabeledSet valid{all.features.narrow(0, 80, 20), all.labels.narrow(0, 80, 20)};

  ClassifierHeadOptions opts;
  opts.in_features = 16;
  opts.num_classes = answers;
  ClassifierHead head(opts);

  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions().label_smoothing(0.1));
  torch::optim::Adam optimizer(head->parameters(), torch::optim::AdamOptions(1e-2));

  double last = 0.0;
  for (int epoch = 0; epoch < 15; ++epoch) {
    head->train();
    for (auto& [x, y] : make_batches(shuffled(train), 20)) {
      optimizer.zero_grad();
      auto loss = criterion(head(x), y);
      loss.backward();
      optimizer.step();
      last = loss.item<double>();
    }
    head->eval();
    auto valid_scores = head(valid.features);
    if (epoch % 5 == 4) {
      std::cout << std::fixed << std::setprecision(3) << "epoch " << epoch
                << " acc " << top1_accuracy(valid_scores, valid.labels)
                << " conf " << mean_confidence(valid_scores) << "\n";
    }
  }
  std::cout << std::defaultfloat << "final loss=" << last << "\n";
  return 0;
}
