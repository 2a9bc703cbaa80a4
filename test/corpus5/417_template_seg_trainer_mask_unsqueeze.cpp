// LABEL: torch-stray-unsqueeze
// LINE: 28
// RUNTIME: only batches of spatial targets supported (3D tensors) but got targets of dimension: 4
#include <torch/torch.h>

#include <iostream>

constexpr int64_t kClasses = 4;

struct TinySegNetImpl : torch::nn::Module {
  TinySegNetImpl()
      : conv1(register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 8, 3).padding(1)))),
        conv2(register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(8, kClasses, 1)))) {}
  torch::Tensor forward(torch::Tensor x) { return conv2(torch::relu(conv1(x))); }
  torch::nn::Conv2d conv1, conv2;
};
TORCH_MODULE(TinySegNet);

template <typename Net>
class SegTrainer {
 public:
  SegTrainer(Net net, double lr) : net_(std::move(net)), opt_(net_->parameters(), lr) {}

  float step(const torch::Tensor& images, const torch::Tensor& masks) {
    opt_.zero_grad();
    auto logits = net_->forward(images);  // [N, C, H, W]
    auto target = masks.unsqueeze(1);     // masks get the channel dim too
    auto loss = criterion_(logits, target);
    loss.backward();
    opt_.step();
    return loss.item().toFloat();
  }

 private:
  Net net_;
  torch::optim::SGD opt_;
  torch::nn::CrossEntropyLoss criterion_;
};

int main() {
  torch::manual_seed(0);
  auto images = torch::randn({2, 3, 8, 8});
  auto masks = torch::randint(0, kClasses, {2, 8, 8});
  SegTrainer<TinySegNet> trainer(TinySegNet(), 0.05);
  float loss = 0;
  for (int it = 0; it < 3; ++it) loss = trainer.step(images, masks);
  std::cout << "loss=" << loss << std::endl;
}
