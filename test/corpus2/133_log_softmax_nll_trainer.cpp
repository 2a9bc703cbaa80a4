// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.16648
#include <torch/torch.h>

#include <functional>
#include <iostream>
#include <memory>

namespace F = torch::nn::functional;

struct ConvNetImpl : torch::nn::Module {
  ConvNetImpl(int64_t channels, int64_t num_classes) {
    features = register_module("features", torch::nn::Sequential(
        torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, 6, 3).padding(1)),
        torch::nn::ReLU(),
        torch::nn::MaxPool2d(2),
        torch::nn::Flatten()));
    classifier = register_module("classifier", torch::nn::Linear(6 * 4 * 4, num_classes));
  }
  torch::Tensor forward(torch::Tensor x) {
    return F::log_softmax(classifier->forward(features->forward(x)), F::LogSoftmaxFuncOptions(1));
  }
  torch::nn::Sequential features{nullptr};
  torch::nn::Linear classifier{nullptr};
};
TORCH_MODULE(ConvNet);

class Trainer {
 public:
  using LossFn = std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)>;

  Trainer(ConvNet model, std::unique_ptr<torch::optim::Optimizer> opt, LossFn loss)
      : model_(std::move(model)), optimizer_(std::move(opt)), loss_fn_(std::move(loss)) {}

  template <typename Loader>
  float train_epoch(Loader& loader, const torch::Tensor& images, const torch::Tensor& labels) {
    float last = 0;
    model_->train();
    for (auto& idx_batch : loader) {
      auto idx = idx_batch.data;
      auto x = images.index_select(0, idx);
      auto y = labels.index_select(0, idx);
      optimizer_->zero_grad();
      torch::Tensor loss = loss_fn_(model_->forward(x), y);
      loss.backward();
      optimizer_->step();
      last = loss.item<float>();
    }
    return last;
  }

 private:
  ConvNet model_;
  std::unique_ptr<torch::optim::Optimizer> optimizer_;
  LossFn loss_fn_;
};

int main() {
  torch::manual_seed(0);
  const int64_t n = 32, classes = 3;
  auto images = torch::randn({n, 1, 8, 8});
  auto labels = torch::randint(0, classes, {n});

  auto indices = torch::data::datasets::TensorDataset(torch::arange(n))
                     .map(torch::data::transforms::Stack<torch::data::TensorExample>());
  auto loader = torch::data::make_data_loader(std::move(indices), torch::data::DataLoaderOptions(8));

  ConvNet model(1, classes);
  auto opt = std::make_unique<torch::optim::Adam>(model->parameters(), torch::optim::AdamOptions(1e-3));
  Trainer trainer(model, std::move(opt),
                  [](const torch::Tensor& log_probs, const torch::Tensor& target) {
                    return F::nll_loss(log_probs, target);
                  });
  for (int epoch = 0; epoch < 3; ++epoch)
    std::cout << "epoch " << epoch << " loss=" << trainer.train_epoch(*loader, images, labels) << "\n";
}
