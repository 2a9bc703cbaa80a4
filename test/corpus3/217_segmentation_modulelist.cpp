// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.40259
#include <torch/torch.h>
#include <iostream>

struct SegNetImpl : torch::nn::Module {
  torch::nn::ModuleList blocks;
  SegNetImpl(int64_t in_ch, int64_t classes) {
    blocks = register_module("blocks", torch::nn::ModuleList());
    blocks->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(in_ch, 8, 3).padding(1)));
    blocks->push_back(torch::nn::ReLU());
    blocks->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(8, classes, 1)));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = blocks[0]->as<torch::nn::Conv2d>()->forward(x);
    x = blocks[1]->as<torch::nn::ReLU>()->forward(x);
    return blocks[2]->as<torch::nn::Conv2d>()->forward(x);
  }
};
TORCH_MODULE(SegNet);

int main() {
  torch::manual_seed(0);
  SegNet net(3, 4);
  torch::nn::CrossEntropyLoss ce(torch::nn::CrossEntropyLossOptions().ignore_index(255));
  auto images = torch::randn({2, 3, 6, 6});
  auto masks = torch::randint(0, 4, {2, 6, 6}, torch::kLong);
  masks.index_put_({0, 0, 0}, 255);
  auto logits = net(images);
  auto loss = ce->forward(logits, masks);
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
