// LABEL: torch-stray-unsqueeze
// LINE: 33
// RUNTIME: only batches of spatial targets supported (3D tensors) but got targets of dimension: 4
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kClasses = 4;
constexpr int64_t kH = 16, kW = 16;

struct RoadSegImpl : torch::nn::Module {
  RoadSegImpl() {
    c1 = register_module("c1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 8, 3).padding(1)));
    c2 = register_module("c2", torch::nn::Conv2d(torch::nn::Conv2dOptions(8, kClasses, 1)));
  }
  torch::Tensor forward(torch::Tensor img) { return c2(torch::relu(c1(img))); }
  torch::nn::Conv2d c1{nullptr}, c2{nullptr};
};
TORCH_MODULE(RoadSeg);

int main() {
  torch::manual_seed(0);
  RoadSeg net;
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-3));

  auto images = torch::randn({2, 3, kH, kW});
  auto masks = torch::randint(0, kClasses, {2, kH, kW});  // per-pixel class ids

  for (int step = 0; step < 2; ++step) {
    opt.zero_grad();
    auto logits = net(images);                 // [2, 4, 16, 16]
    auto target = masks.unsqueeze(1);          // add channel dim like the images
    auto loss = criterion(logits, target);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << std::endl;
  }
  return 0;
}
