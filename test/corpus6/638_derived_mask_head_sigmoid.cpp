// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 45
// RUNTIME: ran, loss=0.693147
#include <torch/torch.h>

#include <iostream>

namespace nn = torch::nn;

// Shared backbone for several dense-prediction heads.
class DenseBackboneImpl : public nn::Module {
 public:
  DenseBackboneImpl() {
    c1 = register_module("c1", nn::Conv2d(nn::Conv2dOptions(1, 4, 3).padding(1)));
    c2 = register_module("c2", nn::Conv2d(nn::Conv2dOptions(4, 4, 3).padding(1)));
  }
  torch::Tensor features(const torch::Tensor& x) { return torch::relu(c2(torch::relu(c1(x)))); }

 protected:
  nn::Conv2d c1{nullptr}, c2{nullptr};
};

// Binary crack-detection mask on top of the backbone.
class CrackSegmenterImpl : public DenseBackboneImpl {
 public:
  CrackSegmenterImpl() { mask = register_module("mask", nn::Conv2d(nn::Conv2dOptions(4, 1, 1))); }
  torch::Tensor forward(const torch::Tensor& x) { return torch::sigmoid(mask(features(x))); }

 private:
  nn::Conv2d mask{nullptr};
};
TORCH_MODULE(CrackSegmenter);

int main() {
  torch::manual_seed(0);
  CrackSegmenter model;
  auto photos = torch::randn({2, 1, 6, 6});
  auto cracks = (photos > 1.0).to(torch::kFloat);  // [N, 1, H, W]

  nn::BCEWithLogitsLoss criterion(nn::BCEWithLogitsLossOptions().reduction(torch::kMean));
  torch::optim::Adam opt(model->parameters(), 0.05);
  torch::Tensor loss;
  for (int step = 0; step < 100; ++step) {
    opt.zero_grad();
    loss = criterion(model(photos), cracks);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
