// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 39
// RUNTIME: Expected input batch_size (8) to match target batch_size (4).
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

// Supervised training with two random augmentations ("views") per image.
torch::Tensor augment(const torch::Tensor& images) {
  auto flipped = torch::rand({1}).item<float>() > 0.5 ? images.flip({3}) : images;
  return flipped + 0.05 * torch::randn_like(flipped);
}

struct SmallCnnImpl : torch::nn::Module {
  SmallCnnImpl(int64_t classes) {
    features = register_module("features", torch::nn::Sequential(
        torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 8, 3).padding(1)), torch::nn::ReLU(),
        torch::nn::AdaptiveAvgPool2d(torch::nn::AdaptiveAvgPool2dOptions(1)), torch::nn::Flatten()));
    fc = register_module("fc", torch::nn::Linear(8, classes));
  }
  torch::Tensor forward(torch::Tensor x) { return fc(features->forward(x)); }
  torch::nn::Sequential features{nullptr};
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(SmallCnn);

int main() {
  torch::manual_seed(0);
  SmallCnn model(10);
  auto images = torch::randn({4, 3, 8, 8});
  auto labels = torch::tensor({3, 7, 0, 9});

  torch::optim::SGD opt(model->parameters(), 0.01);
  auto view_a = model(augment(images));
  auto view_b = model(augment(images));
  auto logits = torch::cat({view_a, view_b}, /*dim=*/0);  // [8, 10]
  auto loss = F::cross_entropy(logits, labels, F::CrossEntropyFuncOptions().label_smoothing(0.1));
  opt.zero_grad();
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
