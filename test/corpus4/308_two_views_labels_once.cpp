// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 42
// RUNTIME: Expected input batch_size (32) to match target batch_size (16).
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

struct EncoderImpl : torch::nn::Module {
  EncoderImpl() {
    conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 8, 3).padding(1)));
    fc = register_module("fc", torch::nn::Linear(8, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(conv(x));
    x = F::adaptive_avg_pool2d(x, F::AdaptiveAvgPool2dFuncOptions(1)).flatten(1);
    return fc(x);
  }
  torch::nn::Conv2d conv{nullptr};
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Encoder);

// Two augmented views of every image: horizontal flip and additive noise.
std::pair<torch::Tensor, torch::Tensor> two_views(const torch::Tensor& images) {
  return {images.flip({3}), images + 0.05 * torch::randn_like(images)};
}

int main() {
  torch::manual_seed(0);
  Encoder model;
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));

  auto images = torch::randn({16, 3, 8, 8});
  auto labels = torch::randint(0, 10, {16});

  auto [view_a, view_b] = two_views(images);
  auto batch = torch::cat({view_a, view_b}, 0);  // [32, 3, 8, 8]

  opt.zero_grad();
  auto logits = model(batch);
  auto loss = F::cross_entropy(logits, labels);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
