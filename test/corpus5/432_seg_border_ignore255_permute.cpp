// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.15855
#include <torch/torch.h>

#include <iostream>

using torch::indexing::Slice;

constexpr int64_t kClasses = 3;
constexpr int64_t kIgnore = 255;  // VOC-style "void" border label

int main() {
  torch::manual_seed(0);
  const int64_t n = 2, h = 6, w = 6, feat = 5;

  // Per-pixel classifier applied to channels-last features: [N, H, W, F] -> [N, H, W, C].
  torch::nn::Linear pixel_head(feat, kClasses);
  torch::optim::SGD opt(pixel_head->parameters(), 0.1);
  auto features = torch::randn({n, h, w, feat});

  auto mask = torch::randint(0, kClasses, {n, 1, h, w}).squeeze(1);  // [N, H, W]
  mask.index_put_({Slice(), 0, Slice()}, kIgnore);
  mask.index_put_({Slice(), Slice(), w - 1}, kIgnore);

  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().ignore_index(kIgnore));
  torch::Tensor loss;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    auto logits = pixel_head(features).permute({0, 3, 1, 2});  // [N, C, H, W]
    loss = criterion(logits, mask);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
