// LABEL: torch-softmax-before-cross-entropy
// LINE: 31
// RUNTIME: ran, loss=1.29376
#include <torch/torch.h>

#include <cstdio>

namespace tnf = torch::nn::functional;

struct LinearSoftmaxModel : torch::nn::Module {
  LinearSoftmaxModel(int64_t in, int64_t out) {
    w = register_parameter("w", torch::randn({in, out}) * 0.1);
    b = register_parameter("b", torch::zeros({out}));
  }
  torch::Tensor logits(const torch::Tensor& x) { return torch::addmm(b, x, w); }
  torch::Tensor w, b;
};

int main() {
  torch::manual_seed(0);
  auto model = std::make_shared<LinearSoftmaxModel>(10, 5);
  torch::optim::SGD sgd(model->parameters(), /*lr=*/0.5);

  auto inputs = torch::randn({40, 10});
  auto labels = std::get<1>(inputs.narrow(1, 0, 5).max(1));

  float last = 0.f;
  for (int step = 0; step < 30; ++step) {
    auto z = model->logits(inputs);
    auto p = tnf::softmax(z, tnf::SoftmaxFuncOptions(1));
    auto loss = tnf::cross_entropy(p, labels);
    sgd.zero_grad();
    loss.backward();
    sgd.step();
    last = loss.item<float>();
  }
  std::printf("loss=%g\n", last);
  return 0;
}
