// LABEL: torch-stray-unsqueeze
// LINE: 38
// RUNTIME: Expected input batch_size (1) to match target batch_size (0).
#include <torch/torch.h>

#include <iostream>
#include <vector>

struct SensorNet : torch::nn::Module {
  SensorNet(int64_t channels, int64_t classes) {
    fc = register_module("fc", torch::nn::Linear(channels, 16));
    cls = register_module("cls", torch::nn::Linear(16, classes));
  }
  torch::Tensor forward(torch::Tensor reading) {
    return cls->forward(torch::tanh(fc->forward(reading)));
  }
  torch::nn::Linear fc{nullptr}, cls{nullptr};
};

int main() {
  torch::manual_seed(0);
  const int64_t channels = 5, classes = 3;
  SensorNet net(channels, classes);
  torch::optim::SGD opt(net.parameters(), 0.01);
  torch::nn::CrossEntropyLoss ce;

  // stream of readings, one at a time
  std::vector<std::pair<torch::Tensor, int64_t>> stream;
  for (int i = 0; i < 20; ++i) {
    auto r = torch::randn({channels});
    stream.emplace_back(r, r.argmax().item<int64_t>() % classes);
  }

  double avg = 0;
  for (const auto& [reading, label] : stream) {
    auto logits = net.forward(reading).unsqueeze(0);
    auto target = torch::tensor(label);
    auto loss = ce(logits, target);
    opt.zero_grad();
    loss.backward();
    opt.step();
    avg = 0.9 * avg + 0.1 * loss.item<double>();
  }
  std::cout << "running loss=" << avg << std::endl;
}
