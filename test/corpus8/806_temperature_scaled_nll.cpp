// LABEL: torch-softmax-before-nll-loss
// LINE: 38
// RUNTIME: ran, loss=-0.98437
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

struct CalibratedClassifierImpl : nn::Module {
  explicit CalibratedClassifierImpl(int64_t classes)
      : body(nn::Linear(7, 20)), head(nn::Linear(20, classes)) {
    register_module("body", body);
    register_module("head", head);
    temperature = register_parameter("temperature", torch::ones({1}));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto logits = head(torch::gelu(body(x)));
    return F::softmax(logits / temperature, F::SoftmaxFuncOptions(-1));
  }
  nn::Linear body, head;
  torch::Tensor temperature;
};
TORCH_MODULE(CalibratedClassifier);

int main() {
  torch::manual_seed(0);
  const int64_t classes = 4;
  auto x = torch::randn({64, 7});
  auto y = (x.select(1, 0) > 0).to(torch::kLong) * 2 + (x.select(1, 1) > 0).to(torch::kLong);

  CalibratedClassifier model(classes);
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(0.02));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 80; ++epoch) {
    opt.zero_grad();
    auto scores = model(x);
    loss = F::nll_loss(scores, y);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
