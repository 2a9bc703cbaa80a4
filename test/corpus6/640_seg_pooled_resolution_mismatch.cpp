// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 36
// RUNTIME: size mismatch (got input: [2, 3, 4, 4] , target: [2, 8, 8]
#include <torch/torch.h>

#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

// Crop / weed / soil segmentation of field images.
struct FieldSegNetImpl : nn::Module {
  explicit FieldSegNetImpl(int64_t classes) {
    enc1 = register_module("enc1", nn::Conv2d(nn::Conv2dOptions(3, 8, 3).padding(1)));
    enc2 = register_module("enc2", nn::Conv2d(nn::Conv2dOptions(8, 16, 3).padding(1)));
    cls = register_module("cls", nn::Conv2d(nn::Conv2dOptions(16, classes, 1)));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = F::max_pool2d(torch::relu(enc1(x)), F::MaxPool2dFuncOptions(2));
    x = torch::relu(enc2(x));
    return cls(x);  // [N, C, H/2, W/2]
  }
  nn::Conv2d enc1{nullptr}, enc2{nullptr}, cls{nullptr};
};
TORCH_MODULE(FieldSegNet);

int main() {
  torch::manual_seed(0);
  const int64_t kClasses = 3;
  FieldSegNet net(kClasses);
  auto images = torch::randn({2, 3, 8, 8});
  auto labels = torch::randint(0, kClasses, {2, 8, 8});  // full-resolution annotation

  nn::CrossEntropyLoss criterion(nn::CrossEntropyLossOptions().weight(torch::tensor({0.5f, 2.0f, 1.0f})));
  torch::optim::Adam opt(net->parameters(), 1e-3);
  auto loss = criterion(net(images), labels);
  opt.zero_grad();
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
