// LABEL: torch-float-class-target
// LINE: 27
// RUNTIME: expected scalar type Long but found Bool
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

struct BinaryNet : torch::nn::Module {
  BinaryNet() : hidden(register_module("hidden", torch::nn::Linear(2, 8))),
                out(register_module("out", torch::nn::Linear(8, 2))) {}
  torch::Tensor forward(torch::Tensor x) { return out(F::leaky_relu(hidden(x))); }
  torch::nn::Linear hidden, out;
};

int main() {
  torch::manual_seed(0);
  auto net = std::make_shared<BinaryNet>();
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(0.01));

  auto points = torch::randn({10, 2});
  auto inside = points.pow(2).sum(1) < 1.0;   // is the point inside the unit circle?

  for (int epoch = 0; epoch < 2; ++epoch) {
    opt.zero_grad();
    auto logits = net->forward(points);
    auto loss = F::cross_entropy(logits, inside);
    loss.backward();
    opt.step();
    std::cout << epoch << ": " << loss.item<float>() << std::endl;
  }
}
