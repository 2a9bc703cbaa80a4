// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.34403
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

struct TinyUNet : torch::nn::Module {
  torch::nn::Conv2d down{nullptr}, up{nullptr}, logits{nullptr};
  explicit TinyUNet(int64_t classes) {
    down = register_module("down", torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 6, 3).stride(2).padding(1)));
    up = register_module("up", torch::nn::Conv2d(torch::nn::Conv2dOptions(6, 6, 3).padding(1)));
    logits = register_module("logits", torch::nn::Conv2d(torch::nn::Conv2dOptions(7, classes, 1)));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto d = torch::relu(down(x));
    auto u = F::interpolate(torch::relu(up(d)), F::InterpolateFuncOptions()
                                                    .size(std::vector<int64_t>{x.size(2), x.size(3)})
                                                    .mode(torch::kNearest));
    return logits(torch::cat({u, x}, 1));  // skip connection; [N, C, H, W]
  }
};

double mean_iou(const torch::Tensor& pred, const torch::Tensor& gt, int64_t classes) {
  double sum = 0;
  for (int64_t c = 0; c < classes; ++c) {
    auto p = pred.eq(c), g = gt.eq(c);
    auto inter = (p & g).sum().item<double>();
    auto uni = (p | g).sum().item<double>();
    sum += uni > 0 ? inter / uni : 1.0;
  }
  return sum / classes;
}

int main() {
  torch::manual_seed(0);
  const int64_t classes = 4;
  auto model = std::make_shared<TinyUNet>(classes);
  auto scans = torch::randn({3, 1, 8, 8});
  auto tissue = torch::randint(0, classes, {3, 8, 8});

  torch::optim::Adam opt(model->parameters(), 0.01);
  auto weights = torch::ones({classes});
  weights[0] = 0.25;
  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    auto out = model->forward(scans);
    loss = F::cross_entropy(out, tissue, F::CrossEntropyFuncOptions().weight(weights));
    loss.backward();
    opt.step();
  }

  torch::NoGradGuard ng;
  auto probs = F::softmax(model->forward(scans), F::SoftmaxFuncOptions(1));
  auto pred = probs.argmax(1);
  std::cout << "mIoU " << mean_iou(pred, tissue, classes) << "\n";
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
