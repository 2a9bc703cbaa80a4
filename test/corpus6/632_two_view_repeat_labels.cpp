// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.72847
#include <torch/torch.h>

#include <iostream>
#include <vector>

using torch::Tensor;

// Audio spectrogram classifier trained on clean + time-masked copies.
struct SpecNetImpl : torch::nn::Module {
  SpecNetImpl(int64_t mel, int64_t classes)
      : gru(register_module("gru", torch::nn::GRU(torch::nn::GRUOptions(mel, 12).batch_first(true)))),
        head(register_module("head", torch::nn::Linear(12, classes))) {}
  Tensor forward(const Tensor& spec) {  // [B, T, mel]
    auto out = std::get<0>(gru(spec));
    return head(out.mean(1));
  }
  torch::nn::GRU gru;
  torch::nn::Linear head;
};
TORCH_MODULE(SpecNet);

Tensor time_mask(Tensor spec, int64_t start, int64_t width) {
  spec = spec.clone();
  spec.narrow(1, start, width).zero_();
  return spec;
}

int main() {
  torch::manual_seed(0);
  SpecNet net(16, 6);
  auto spec = torch::randn({5, 10, 16});
  auto keyword = torch::tensor({5, 1, 1, 0, 2});

  torch::nn::CrossEntropyLoss ce;
  torch::optim::Adam opt(net->parameters(), 2e-3);
  Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    auto batch = torch::cat({spec, time_mask(spec, 3, 4)}, 0);   // [10, T, mel]
    auto targets = keyword.repeat({2});                          // [10]
    loss = ce(net(batch), targets);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
