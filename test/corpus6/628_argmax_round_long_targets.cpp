// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.88087
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

// Self-training: a frozen "oracle" network produces class scores for
// unlabeled sensor windows; its argmax becomes the hard label for a smaller
// model. A regression-style activity level is rounded into a class id.
struct Oracle : torch::nn::Module {
  Oracle() { lin = register_module("lin", torch::nn::Linear(6, 4)); }
  torch::Tensor forward(const torch::Tensor& x) { return lin(x); }
  torch::nn::Linear lin{nullptr};
};

struct ActivityNetImpl : torch::nn::Module {
  ActivityNetImpl() {
    layers = register_module("layers", torch::nn::Sequential(torch::nn::Linear(6, 12),
                                                            torch::nn::Tanh(),
                                                            torch::nn::Linear(12, 4)));
  }
  torch::Tensor forward(torch::Tensor x) { return layers->forward(x); }
  torch::nn::Sequential layers{nullptr};
};
TORCH_MODULE(ActivityNet);

int main() {
  torch::manual_seed(0);
  Oracle oracle;
  ActivityNet student;
  auto windows = torch::randn({10, 6});

  torch::Tensor pseudo;
  {
    torch::NoGradGuard ng;
    auto scores = oracle.forward(windows);          // float [10, 4]
    pseudo = scores.argmax(/*dim=*/1);              // int64 [10]
  }
  // activity level in [0, 3] measured by a wearable, rounded to a class
  auto level = torch::rand({10}) * 3.0;
  auto level_class = torch::round(level).to(torch::kLong);

  torch::optim::Adam opt(student->parameters(), 5e-3);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    auto logits = student(windows);
    loss = F::cross_entropy(logits, pseudo) + 0.5 * F::cross_entropy(logits, level_class);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
