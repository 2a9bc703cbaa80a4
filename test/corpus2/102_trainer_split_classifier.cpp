// LABEL: torch-softmax-before-cross-entropy
// LINE: 42
// RUNTIME: ran, loss=1.12473
#include "prob_classifier.h"
#include "synthetic_blobs.h"

#include <iomanip>
#include <iostream>
#include <memory>

namespace models {

ClassifierImpl::ClassifierImpl(const ClassifierOptions& opts) {
  fc1 = register_module("fc1", torch::nn::Linear(opts.in_features(), opts.hidden()));
  bn = register_module("bn", torch::nn::BatchNorm1d(opts.hidden()));
  fc2 = register_module("fc2", torch::nn::Linear(opts.hidden(), opts.num_classes()));
}

torch::Tensor ClassifierImpl::forward(torch::Tensor x) {
  x = torch::relu(bn->forward(fc1->forward(x)));
  x = fc2->forward(x);
  return torch::softmax(x, /*dim=*/1);
}

}  // namespace models

class Trainer {
 public:
  Trainer(models::Classifier model, double lr)
      : model_(std::move(model)),
        optimizer_(std::make_unique<torch::optim::Adam>(model_->parameters(),
                                                        torch::optim::AdamOptions(lr))) {}

  template <typename Loader>
  double train_epoch(Loader& loader) {
    model_->train();
    double total = 0.0;
    int64_t batches = 0;
    for (auto& batch : loader) {
      optimizer_->zero_grad();
      auto scores = model_->forward(batch.data);
      auto loss = loss_fn_(scores, batch.target);
      loss.backward();
      optimizer_->step();
      total += loss.item().toDouble();
      ++batches;
    }
    return total / static_cast<double>(batches);
  }

 private:
  models::Classifier model_;
  std::unique_ptr<torch::optim::Optimizer> optimizer_;
  torch::nn::CrossEntropyLoss loss_fn_;
};

int main() {
  torch::manual_seed(0);
  const int64_t kClasses = 4;
  auto dataset = data::BlobsDataset(128, 6, kClasses).map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(dataset), torch::data::DataLoaderOptions().batch_size(32));

  Trainer trainer(models::Classifier(models::ClassifierOptions(6, kClasses).hidden(16)), 1e-2);
  double loss = 0.0;
  for (int epoch = 1; epoch <= 3; ++epoch) {
    loss = trainer.train_epoch(*loader);
    std::cout << "epoch " << epoch << " loss=" << std::setprecision(6) << loss << "\n";
  }
  return 0;
}
