// LABEL: torch-float-class-target
// LINE: 26
// RUNTIME: expected scalar type Long but found Float
#include "mlp.h"
#include "synthetic_blobs.h"

#include <iostream>

struct Experiment {
  Experiment(int64_t in_features, int64_t num_classes, std::vector<int64_t> hidden, double lr)
      : num_classes(num_classes),
        model(in_features, std::move(hidden), num_classes),
        optimizer(model->parameters(), torch::optim::AdamOptions(lr)),
        criterion(torch::nn::CrossEntropyLossOptions().label_smoothing(0.1)) {}

  template <typename Loader>
  double train_epoch(Loader& loader) {
    double sum = 0;
    int64_t count = 0;
    auto histogram = torch::zeros({num_classes});
    for (auto& batch : loader) {
      auto target = batch.target.to(torch::kFloat);
      histogram += torch::histc(target, num_classes, 0, num_classes - 1);
      optimizer.zero_grad();
      auto logits = model->forward(batch.data);
      auto loss = criterion(logits, target);
      loss.backward();
      optimizer.step();
      sum += loss.template item<double>() * batch.data.size(0);
      count += batch.data.size(0);
    }
    std::cout << "class histogram: " << histogram << "\n";
    return sum / count;
  }

  int64_t num_classes;
  MLP model;
  torch::optim::Adam optimizer;
  torch::nn::CrossEntropyLoss criterion;
};

int main() {
  torch::manual_seed(0);
  data::BlobsDataset blobs(100, 3, 5);
  auto loader = torch::data::make_data_loader(blobs.map(torch::data::transforms::Stack<>()),
                                              torch::data::DataLoaderOptions(20));
  Experiment exp(3, blobs.num_classes(), {16}, 1e-2);
  for (int epoch = 0; epoch < 3; ++epoch) {
    std::cout << "epoch " << epoch << " loss=" << exp.train_epoch(*loader) << "\n";
  }
}
