// LABEL: torch-softmax-before-cross-entropy
// LINE: 34
// RUNTIME: ran, loss=0.708197
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kClasses = 3;

struct ToxicityNetImpl : torch::nn::Module {
  ToxicityNetImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(30, 20));
    fc2 = register_module("fc2", torch::nn::Linear(20, kClasses));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::leaky_relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ToxicityNet);

int main() {
  torch::manual_seed(0);
  ToxicityNet model;
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adagrad opt(model->parameters(), torch::optim::AdagradOptions(0.05));

  auto comments = torch::randn({12, 30});
  auto label = torch::tensor({0, 2, 1, 1, 0, 0, 2, 2, 1, 0, 1, 2});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 4; ++epoch) {
    opt.zero_grad();
    auto out = model->forward(comments);
    out = out.softmax(-1);
    std::cout << "first row " << out[0] << std::endl;
    loss = criterion(out, label);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
