// LABEL: torch-stray-unsqueeze
// LINE: 34
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>
#include <iostream>

struct Net : torch::nn::Module {
  Net() {
    fc1 = register_module("fc1", torch::nn::Linear(6, 12));
    fc2 = register_module("fc2", torch::nn::Linear(12, 4));
  }
  torch::Tensor forward(torch::Tensor x) {
    return fc2->forward(torch::tanh(fc1->forward(x)));
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};

int main() {
  torch::manual_seed(0);
  auto net = std::make_shared<Net>();
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-3));
  torch::nn::CrossEntropyLoss loss_fn;

  const int64_t n = 16, bs = 8;
  auto data = torch::randn({n, 6});
  auto labels = torch::randint(0, 4, {n});

  try {
    for (int64_t i = 0; i < n; i += bs) {
      auto xb = data.slice(0, i, i + bs);
      auto yb = labels.slice(0, i, i + bs).unsqueeze(1);
      opt.zero_grad();
      auto logits = net->forward(xb);
      auto loss = loss_fn->forward(logits, yb);
      loss.backward();
      opt.step();
      std::cout << "batch " << i / bs << " loss=" << loss.item<float>() << "\n";
    }
  } catch (const c10::Error& e) {
    std::cerr << "training failed: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}
