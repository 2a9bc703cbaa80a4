// LABEL: torch-softmax-before-cross-entropy
// LINE: 9
// RUNTIME: ran, loss=1.60434
#include <torch/torch.h>
#include <iostream>

torch::Tensor pixel_loss(const torch::Tensor& logits, const torch::Tensor& mask) {
  auto p = torch::softmax(logits, 1);
  return torch::nn::functional::cross_entropy(p, mask);
}

struct FCN : torch::nn::Module {
  torch::nn::Conv2d c1{nullptr}, c2{nullptr};
  FCN(int64_t classes) {
    c1 = register_module("c1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 6, 3).padding(1)));
    c2 = register_module("c2", torch::nn::Conv2d(torch::nn::Conv2dOptions(6, classes, 3).padding(1)));
  }
  torch::Tensor forward(torch::Tensor x) { return c2->forward(torch::relu(c1->forward(x))); }
};

int main() {
  torch::manual_seed(0);
  auto fcn = std::make_shared<FCN>(5);
  torch::optim::Adam adam(fcn->parameters(), 1e-3);
  auto img = torch::rand({2, 3, 6, 6});
  auto mask = torch::randint(0, 5, {2, 6, 6});

  for (int it = 0; it < 2; ++it) {
    adam.zero_grad();
    auto loss = pixel_loss(fcn->forward(img), mask);
    loss.backward();
    adam.step();
    std::cout << "it " << it << " loss=" << loss.item<float>() << std::endl;
  }
}
