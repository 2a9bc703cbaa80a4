// LABEL: torch-stray-unsqueeze
// LINE: 50
// RUNTIME: Expected input batch_size (8) to match target batch_size (1).
#include <torch/torch.h>

#include <iostream>
#include <memory>
#include <vector>

class DigitsNet : public torch::nn::Module {
 public:
  explicit DigitsNet(int64_t n_classes)
      : conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 4, 3).padding(1)))),
        pool(register_module("pool", torch::nn::AdaptiveAvgPool2d(torch::nn::AdaptiveAvgPool2dOptions(2)))),
        fc(register_module("fc", torch::nn::Linear(16, n_classes))) {}

  torch::Tensor forward(const torch::Tensor& img) {
    auto h = pool(torch::relu(conv(img)));
    return fc(h.flatten(1));
  }

 private:
  torch::nn::Conv2d conv;
  torch::nn::AdaptiveAvgPool2d pool;
  torch::nn::Linear fc;
};

struct TrainerState {
  std::shared_ptr<DigitsNet> model;
  std::shared_ptr<torch::optim::Optimizer> optimizer;
  torch::nn::CrossEntropyLoss criterion;
  int64_t step = 0;
};

class Trainer {
 public:
  Trainer(int64_t n_classes, double lr) {
    state_.model = std::make_shared<DigitsNet>(n_classes);
    state_.optimizer = std::make_shared<torch::optim::SGD>(state_.model->parameters(),
                                                           torch::optim::SGDOptions(lr));
    state_.criterion = torch::nn::CrossEntropyLoss(torch::nn::CrossEntropyLossOptions().label_smoothing(0.05));
  }

  float train_epoch(const std::vector<torch::Tensor>& images, const std::vector<torch::Tensor>& labels) {
    float loss_value = 0;
    for (size_t i = 0; i < images.size(); ++i) {
      auto x = images[i];
      auto y = labels[i].unsqueeze(0);
      state_.optimizer->zero_grad();
      auto loss = state_.criterion(state_.model->forward(x), y);
      loss.backward();
      state_.optimizer->step();
      loss_value = loss.item<float>();
      ++state_.step;
    }
    return loss_value;
  }

 private:
  TrainerState state_;
};

int main() {
  torch::manual_seed(0);
  std::vector<torch::Tensor> imgs, labels;
  for (int b = 0; b < 4; ++b) {
    imgs.push_back(torch::rand({8, 1, 6, 6}));
    labels.push_back(torch::randint(0, 10, {8}));
  }
  Trainer trainer(10, 0.1);
  for (int epoch = 0; epoch < 2; ++epoch)
    std::cout << "epoch " << epoch << " loss=" << trainer.train_epoch(imgs, labels) << std::endl;
}
