// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 38
// RUNTIME: size mismatch (got input: [2, 4, 8, 8] , target: [2, 16, 16]
#include <torch/torch.h>

#include <iostream>

class TinyEncoderSeg : public torch::nn::Module {
 public:
  TinyEncoderSeg(int64_t in_ch, int64_t n_classes) {
    down_ = register_module("down", torch::nn::Conv2d(torch::nn::Conv2dOptions(in_ch, 8, 3).stride(2).padding(1)));
    mid_ = register_module("mid", torch::nn::Conv2d(torch::nn::Conv2dOptions(8, 8, 3).padding(1)));
    cls_ = register_module("cls", torch::nn::Conv2d(torch::nn::Conv2dOptions(8, n_classes, 1)));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(down_->forward(x));
    x = torch::relu(mid_->forward(x));
    return cls_->forward(x);
  }

 private:
  torch::nn::Conv2d down_{nullptr}, mid_{nullptr}, cls_{nullptr};
};

int main() {
  torch::manual_seed(0);
  const int64_t n_classes = 4;
  auto images = torch::randn({2, 3, 16, 16});
  auto labels = torch::randint(0, n_classes, {2, 16, 16});

  auto model = std::make_shared<TinyEncoderSeg>(3, n_classes);
  torch::optim::Adam opt(model->parameters());
  torch::nn::CrossEntropyLoss seg_loss(torch::nn::CrossEntropyLossOptions().ignore_index(255));

  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    auto logits = model->forward(images);
    auto loss = seg_loss(logits, labels);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
