// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.55319
#include <torch/torch.h>

#include <iostream>

constexpr int64_t kClasses = 5;

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl()
      : conv(register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 4, 3)))),
        fc(register_module("fc", torch::nn::Linear(4 * 4 * 4, kClasses))) {}

  torch::Tensor forward(const torch::Tensor& images, bool return_probs = false) {
    auto h = torch::relu(conv(images));
    auto logits = fc(h.view({h.size(0), -1}));
    if (!return_probs) return logits;
    return torch::softmax(logits, /*dim=*/1);
  }

  torch::nn::Conv2d conv;
  torch::nn::Linear fc;
};
TORCH_MODULE(Classifier);

float train_step(Classifier& model, torch::optim::Optimizer& opt, const torch::Tensor& x,
                 const torch::Tensor& y) {
  if (x.size(0) == 0) return 0.0f;  // empty shard
  opt.zero_grad();
  auto loss = torch::nn::functional::cross_entropy(model->forward(x), y);
  loss.backward();
  opt.step();
  return loss.item<float>();
}

int main() {
  torch::manual_seed(0);
  Classifier model;
  torch::optim::SGD opt(model->parameters(), 0.05);
  auto x = torch::randn({6, 1, 6, 6});
  auto y = torch::randint(0, kClasses, {6});

  float loss = 0;
  for (int it = 0; it < 3; ++it) loss = train_step(model, opt, x, y);

  torch::NoGradGuard no_grad;
  auto probs = model->forward(x, /*return_probs=*/true);
  std::cout << "confident predictions=" << (std::get<0>(probs.max(1)) > 0.5).sum().item<int64_t>()
            << "\n";
  std::cout << "loss=" << loss << std::endl;
}
