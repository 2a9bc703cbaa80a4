// LABEL: torch-softmax-before-nll-loss
// LINE: 11
// RUNTIME: ran, loss=-0.338661
#include <torch/torch.h>
#include <iostream>

// Shared by the training and validation code paths.
torch::Tensor classification_loss(const torch::Tensor& logits,
                                  const torch::Tensor& target) {
  auto probs = torch::softmax(logits, /*dim=*/-1);
  return torch::nll_loss(probs, target);
}

struct Net : torch::nn::Module {
  Net()
      : fc1(register_module("fc1", torch::nn::Linear(8, 16))),
        fc2(register_module("fc2", torch::nn::Linear(16, 3))) {}
  torch::Tensor forward(torch::Tensor x) {
    return fc2(torch::relu(fc1(x)));
  }
  torch::nn::Linear fc1, fc2;
};

int main() {
  torch::manual_seed(0);
  auto net = std::make_shared<Net>();
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.05));

  auto x = torch::randn({10, 8});
  auto y = torch::tensor({0, 1, 2, 0, 1, 2, 2, 1, 0, 0}, torch::kLong);

  torch::Tensor loss;
  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    loss = classification_loss(net->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
