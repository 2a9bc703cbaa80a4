// LABEL: torch-softmax-before-nll-loss
// LINE: 47
// RUNTIME: ran, loss=-0.194637
#include <torch/torch.h>

#include <iostream>

// Land-cover classification of multispectral pixels.
class LandCoverNetImpl : public torch::nn::Module {
 public:
  LandCoverNetImpl(int64_t bands, int64_t classes) {
    fc1_ = register_module("fc1", torch::nn::Linear(bands, 32));
    drop_ = register_module("drop", torch::nn::Dropout(0.2));
    fc2_ = register_module("fc2", torch::nn::Linear(32, classes));
    normalize_ = register_module("normalize", torch::nn::Softmax(torch::nn::SoftmaxOptions(1)));
  }

  torch::Tensor forward(torch::Tensor x) {
    x = torch::leaky_relu(fc1_->forward(x), 0.1);
    x = drop_->forward(x);
    return normalize_->forward(fc2_->forward(x));
  }

 private:
  torch::nn::Linear fc1_{nullptr}, fc2_{nullptr};
  torch::nn::Dropout drop_{nullptr};
  torch::nn::Softmax normalize_{nullptr};
};
TORCH_MODULE(LandCoverNet);

int main() {
  torch::manual_seed(0);
  const int64_t kBands = 6, kClasses = 5;
  LandCoverNet net(kBands, kClasses);
  auto pixels = torch::rand({20, kBands});
  auto cover = torch::randint(0, kClasses, {20});
  auto freq = torch::bincount(cover, {}, kClasses).to(torch::kFloat) + 1.0;
  auto weights = freq.sum() / (kClasses * freq);

  torch::nn::NLLLoss criterion(
      torch::nn::NLLLossOptions().weight(weights).reduction(torch::kMean));
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.1).nesterov(true).momentum(0.9));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    net->train();
    opt.zero_grad();
    loss = criterion(net->forward(pixels), cover);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
