// LABEL: torch-float-class-target
// LINE: 24
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kBatch = 32;
constexpr int64_t kClasses = 10;

int main() {
  torch::manual_seed(0);
  torch::Device device(torch::kCPU);
  auto opts = torch::TensorOptions().device(device);

  torch::nn::Linear fc(64, kClasses);
  fc->to(device);
  torch::optim::SGD opt(fc->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));

  auto x = torch::randn({kBatch, 64}, opts);
  auto y = torch::randint(0, kClasses, {kBatch}, opts);

  for (int step = 0; step < 2; ++step) {
    opt.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(fc->forward(x), y);
    loss.backward();
    opt.step();
    std::cout << "step " << step << ": " << loss.item<float>() << std::endl;
  }
}
