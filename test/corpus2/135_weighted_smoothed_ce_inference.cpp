// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.50728
#include "mlp.h"
#include "synthetic_blobs.h"

#include <iostream>

int main() {
  torch::manual_seed(0);
  const int64_t num_classes = 4;
  data::BlobsDataset blobs(80, 5, num_classes, 0.8);
  auto X = blobs.features();
  auto y = blobs.labels().clone();
  y.slice(0, 0, 8).fill_(-100);  // unlabeled samples

  auto counts = torch::bincount(y.slice(0, 8), {}, num_classes).to(torch::kFloat);
  auto class_weights = counts.sum() / (num_classes * counts.clamp_min(1));

  MLP model(5, std::vector<int64_t>{20}, num_classes, 0.1);
  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions()
                                            .weight(class_weights)
                                            .ignore_index(-100)
                                            .label_smoothing(0.1)
                                            .reduction(torch::kMean));
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(5e-3));

  float last = 0;
  for (int epoch = 0; epoch < 30; ++epoch) {
    model->train();
    opt.zero_grad();
    auto loss = criterion(model->forward(X), y);
    loss.backward();
    opt.step();
    last = loss.item<float>();
  }
  std::cout << "loss=" << last << "\n";

  model->eval();
  torch::NoGradGuard guard;
  auto probs = torch::softmax(model->forward(X.slice(0, 0, 8)), 1);
  auto pseudo = probs.argmax(1);
  std::cout << "pseudo labels: " << pseudo << "\n";
}
