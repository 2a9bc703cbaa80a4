// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.133627
#include <torch/torch.h>

#include <cstdint>
#include <iostream>
#include <vector>

// Labels arrive as raw bytes (e.g. from an MNIST-style label file).
std::vector<uint8_t> read_label_bytes(int64_t n, int64_t classes) {
  std::vector<uint8_t> bytes(n);
  for (int64_t i = 0; i < n; ++i) bytes[i] = static_cast<uint8_t>((i * 5 + i / 3) % classes);
  return bytes;
}

int main() {
  torch::manual_seed(0);
  const int64_t n = 20, classes = 10;
  auto bytes = read_label_bytes(n, classes);
  auto targets = torch::from_blob(bytes.data(), {n}, torch::kUInt8).clone();
  auto pixels = torch::rand({n, 28 * 28});

  torch::nn::Sequential lenet_fc(torch::nn::Linear(28 * 28, 64), torch::nn::ReLU(), torch::nn::Linear(64, classes));
  torch::optim::SGD opt(lenet_fc->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
  torch::nn::CrossEntropyLoss ce;

  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int64_t s = 0; s < n; s += 5) {
      opt.zero_grad();
      loss = ce(lenet_fc->forward(pixels.slice(0, s, s + 5)), targets.slice(0, s, s + 5));
      loss.backward();
      opt.step();
    }
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
