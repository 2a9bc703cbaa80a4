// LABEL: torch-target-out-of-range
// LINE: 37
// RUNTIME: Target 10 is out of bounds.
#include <torch/torch.h>

#include <iostream>

class SvhnNetImpl : public torch::nn::Module {
 public:
  static const int64_t kDigits = 10;
  SvhnNetImpl() {
    conv_ = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 6, 3)));
    fc_ = register_module("fc", torch::nn::Linear(6 * 6 * 6, kDigits));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(conv_(x));
    return fc_(x.view({x.size(0), -1}));
  }

 private:
  torch::nn::Conv2d conv_{nullptr};
  torch::nn::Linear fc_{nullptr};
};
TORCH_MODULE(SvhnNet);
const int64_t SvhnNetImpl::kDigits;

int main() {
  torch::manual_seed(0);
  // House-number crops with their digit labels as stored in the SVHN .mat files.
  auto crops = torch::randn({8, 3, 8, 8});
  auto digits = torch::tensor({1, 9, 10, 2, 5, 10, 3, 7});

  SvhnNet net;
  torch::optim::SGD opt(net->parameters(), 0.01);
  torch::nn::CrossEntropyLoss criterion;
  opt.zero_grad();
  auto loss = criterion(net(crops), digits);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
