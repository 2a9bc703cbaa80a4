// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.76586
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

// nearest-neighbour resize of an integer label mask [N, H, W] -> [N, h, w]
torch::Tensor resize_mask(const torch::Tensor& mask, int64_t h, int64_t w) {
  auto m = mask.unsqueeze(1).to(torch::kFloat);
  m = F::interpolate(m, F::InterpolateFuncOptions()
                            .size(std::vector<int64_t>{h, w})
                            .mode(torch::kNearest));
  return m.squeeze(1).to(torch::kLong);
}

int main() {
  torch::manual_seed(0);
  torch::nn::Conv2d down(torch::nn::Conv2dOptions(3, 4, 2).stride(2));  // halves H, W
  auto img = torch::randn({2, 3, 8, 8});
  auto mask = torch::randint(0, 4, {2, 8, 8});

  auto logits = down(img);                       // [2, 4, 4, 4]
  auto small_mask = resize_mask(mask, logits.size(2), logits.size(3));
  auto loss = F::cross_entropy(logits, small_mask);
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
