// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.2632
#include <torch/torch.h>
#include <iostream>

struct MlpImpl : torch::nn::Module {
  MlpImpl(int64_t in, int64_t classes) {
    hidden = register_module("hidden", torch::nn::Linear(in, 32));
    out = register_module("out", torch::nn::Linear(32, classes));
  }
  torch::Tensor forward(torch::Tensor x) { return out(torch::relu(hidden(x))); }
  torch::nn::Linear hidden{nullptr}, out{nullptr};
};
TORCH_MODULE(Mlp);

int main() {
  torch::manual_seed(0);
  Mlp model(6, 4);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-2));

  auto x = torch::randn({48, 6});
  auto y = torch::randint(0, 4, {48});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    auto logits = model(x);
    loss = criterion(logits, y);
    loss.backward();
    opt.step();

    // Report accuracy and confidence from the probabilities (not used for training).
    auto probs = torch::softmax(logits.detach(), 1);
    auto accuracy = probs.argmax(1).eq(y).to(torch::kFloat).mean();
    auto confidence = std::get<0>(probs.max(1)).mean();
    std::cout << "epoch " << epoch << " acc " << accuracy.item<float>()
              << " conf " << confidence.item<float>() << std::endl;
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
