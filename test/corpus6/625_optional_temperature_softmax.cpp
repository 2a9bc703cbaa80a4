// LABEL: torch-softmax-before-cross-entropy
// LINE: 45
// RUNTIME: ran, loss=0.750722
#include <torch/torch.h>

#include <iostream>
#include <optional>

class WasteSorterImpl : public torch::nn::Module {
 public:
  WasteSorterImpl() {
    trunk_ = register_module("trunk", torch::nn::Sequential(
                                          torch::nn::Linear(8, 24), torch::nn::ReLU(),
                                          torch::nn::Dropout(0.1), torch::nn::Linear(24, 4)));
  }

  // With a temperature the scores are turned into a tempered distribution.
  torch::Tensor forward(const torch::Tensor& x, std::optional<double> temperature = std::nullopt) {
    auto scores = trunk_->forward(x);
    if (temperature.has_value()) {
      return torch::softmax(scores / *temperature, -1);
    }
    return scores;
  }

 private:
  torch::nn::Sequential trunk_{nullptr};
};
TORCH_MODULE(WasteSorter);

int main() {
  torch::manual_seed(0);
  // paper, plastic, glass, metal
  WasteSorter sorter;
  auto spectra = torch::randn({16, 8});
  auto material = torch::randint(0, 4, {16});
  const std::optional<double> kTrainTemperature = 0.5;

  torch::nn::CrossEntropyLoss loss_fn;
  torch::optim::Adam opt(sorter->parameters(), 0.01);
  torch::Tensor loss;
  sorter->train();
  for (int epoch = 0; epoch < 80; ++epoch) {
    opt.zero_grad();
    loss = loss_fn(sorter(spectra, kTrainTemperature), material);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
