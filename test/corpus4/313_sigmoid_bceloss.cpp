// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.581201
#include <torch/torch.h>
#include <iostream>

struct DetectorImpl : torch::nn::Module {
  DetectorImpl() {
    seq = register_module("seq", torch::nn::Sequential(
        torch::nn::Linear(8, 16), torch::nn::ReLU(),
        torch::nn::Linear(16, 1), torch::nn::Sigmoid()));
  }
  torch::Tensor forward(torch::Tensor x) { return seq->forward(x); }
  torch::nn::Sequential seq{nullptr};
};
TORCH_MODULE(Detector);

int main() {
  torch::manual_seed(0);
  Detector detector;
  // The model already outputs probabilities, so plain BCELoss is the right criterion.
  torch::nn::BCELoss bce;
  torch::optim::Adam opt(detector->parameters(), torch::optim::AdamOptions(1e-2));

  auto x = torch::randn({30, 8});
  auto y = (x.select(1, 0) > 0).to(torch::kFloat).unsqueeze(1);  // [30, 1]

  torch::Tensor loss;
  for (int epoch = 0; epoch < 6; ++epoch) {
    opt.zero_grad();
    auto prob = detector(x);
    loss = bce(prob, y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
