// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.5323
#include <torch/torch.h>
#include <iostream>

struct ClassifierImpl : torch::nn::Module {
  torch::nn::Linear l1{nullptr}, l2{nullptr};
  ClassifierImpl(int in, int hidden, int classes) {
    l1 = register_module("l1", torch::nn::Linear(in, hidden));
    l2 = register_module("l2", torch::nn::Linear(hidden, classes));
  }
  torch::Tensor forward(torch::Tensor x) {
    return l2(torch::relu(l1(x)));
  }
};
TORCH_MODULE(Classifier);

int main() {
  torch::manual_seed(0);
  Classifier model(8, 12, 5);
  torch::nn::CrossEntropyLoss loss_fn;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-2));
  auto x = torch::randn({10, 8});
  auto y = torch::randint(0, 5, {10}, torch::kLong);

  float last = 0.f;
  for (int step = 0; step < 4; ++step) {
    opt.zero_grad();
    auto logits = model(x);
    auto loss = loss_fn(logits, y);
    loss.backward();
    opt.step();
    auto probs = torch::softmax(logits.detach(), 1);
    auto acc = probs.argmax(1).eq(y).to(torch::kFloat).mean();
    std::cout << "step " << step << " acc=" << acc.item<float>() << std::endl;
    last = loss.item<float>();
  }
  std::cout << "loss=" << last << std::endl;
  return 0;
}
