// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 32
// RUNTIME: ran, loss=0.711375
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kPixels = 64;

torch::nn::Sequential build_discriminator() {
  torch::nn::Sequential d;
  d->push_back(torch::nn::Linear(kPixels, 32));
  d->push_back(torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)));
  d->push_back(torch::nn::Linear(32, 1));
  d->push_back(torch::nn::Sigmoid());
  return d;
}

int main() {
  torch::manual_seed(0);
  auto disc = build_discriminator();
  torch::optim::Adam opt(disc->parameters(), torch::optim::AdamOptions(2e-4).betas({0.5, 0.999}));

  auto real = torch::randn({16, kPixels}) * 0.5 + 1.0;
  auto fake = torch::randn({16, kPixels});
  auto batch = torch::cat({real, fake});
  auto is_real = torch::cat({torch::ones({16, 1}), torch::zeros({16, 1})});

  torch::Tensor loss;
  for (int step = 0; step < 5; ++step) {
    opt.zero_grad();
    auto d_out = disc->forward(batch);
    loss = torch::binary_cross_entropy_with_logits(d_out, is_real);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
