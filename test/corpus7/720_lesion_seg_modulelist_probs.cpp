// LABEL: torch-softmax-before-cross-entropy
// LINE: 45
// RUNTIME: ran, loss=0.554393
#include <torch/torch.h>

#include <iostream>

#include "seg_blocks.h"

namespace F = torch::nn::functional;

constexpr int64_t kTissueClasses = 3;  // background, healthy, lesion

class LesionNetImpl : public torch::nn::Module {
 public:
  explicit LesionNetImpl(int64_t width) {
    blocks_ = register_module("blocks", torch::nn::ModuleList());
    blocks_->push_back(ConvBnRelu(3, width));
    blocks_->push_back(ConvBnRelu(width, width));
    blocks_->push_back(ConvBnRelu(width, width));
    classifier_ = register_module(
        "classifier", torch::nn::Conv2d(torch::nn::Conv2dOptions(width, kTissueClasses, 1)));
  }

  torch::Tensor forward(torch::Tensor x) {
    for (const auto& block : *blocks_) {
      x = block->as<ConvBnRelu>()->forward(x);
    }
    return F::softmax(classifier_(x), F::SoftmaxFuncOptions(1));
  }

 private:
  torch::nn::ModuleList blocks_{nullptr};
  torch::nn::Conv2d classifier_{nullptr};
};
TORCH_MODULE(LesionNet);

int main() {
  torch::manual_seed(0);
  auto sample = make_rectangles(8, 12, 12, kTissueClasses);
  LesionNet net(8);
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(2e-2));

  auto pixel_loss = [](const torch::Tensor& prediction, const torch::Tensor& target) {
    return torch::cross_entropy_loss(prediction, target);
  };

  torch::Tensor loss;
  for (int step = 0; step < 60; ++step) {
    optimizer.zero_grad();
    auto prediction = net(sample.images);
    loss = pixel_loss(prediction, sample.masks);
    loss.backward();
    optimizer.step();
    if (step % 20 == 0) {
      std::cout << "step " << step << " loss " << loss.item<double>() << "\n";
    }
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
