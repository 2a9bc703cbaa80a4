// LABEL: torch-softmax-before-cross-entropy
// LINE: 61
// RUNTIME: ran, loss=0.587598
#include <torch/torch.h>

#include <iostream>

namespace nn = torch::nn;

// Road-scene segmentation: background, road, car.
constexpr int64_t kSegClasses = 3;
constexpr int64_t kVoid = 255;

class ConvBlockImpl : public nn::Module {
 public:
  ConvBlockImpl(int64_t in, int64_t out)
      : conv_(register_module("conv", nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1)))),
        bn_(register_module("bn", nn::BatchNorm2d(out))) {}
  torch::Tensor forward(const torch::Tensor& x) { return torch::relu(bn_(conv_(x))); }

 private:
  nn::Conv2d conv_;
  nn::BatchNorm2d bn_;
};
TORCH_MODULE(ConvBlock);

class SegNetImpl : public nn::Module {
 public:
  SegNetImpl() {
    stem_ = register_module("stem", ConvBlock(3, 8));
    mid_ = register_module("mid", ConvBlock(8, 8));
    classifier_ = register_module("classifier", nn::Conv2d(nn::Conv2dOptions(8, kSegClasses, 1)));
  }
  torch::Tensor forward(torch::Tensor img) {
    auto feats = mid_(stem_(img));
    return torch::softmax(classifier_(feats), /*dim=*/1);  // per-pixel class map
  }

 private:
  ConvBlock stem_{nullptr}, mid_{nullptr};
  nn::Conv2d classifier_{nullptr};
};
TORCH_MODULE(SegNet);

int main() {
  torch::manual_seed(0);
  SegNet net;
  auto images = torch::randn({2, 3, 8, 8});
  auto masks = torch::randint(0, kSegClasses, {2, 8, 8}, torch::kLong);
  masks.index_put_({torch::indexing::Slice(), 0}, kVoid);  // unlabeled top row

  auto class_weights = torch::tensor({0.2f, 1.0f, 2.0f});
  nn::CrossEntropyLoss criterion(nn::CrossEntropyLossOptions()
                                     .weight(class_weights)
                                     .ignore_index(kVoid)
                                     .reduction(torch::kMean));
  torch::optim::Adam opt(net->parameters(), 0.05);
  torch::Tensor loss;
  for (int it = 0; it < 60; ++it) {
    opt.zero_grad();
    loss = criterion(net(images), masks);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
