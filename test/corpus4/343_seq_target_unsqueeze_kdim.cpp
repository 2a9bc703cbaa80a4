// LABEL: torch-stray-unsqueeze
// LINE: 37
// RUNTIME: Expected target size [3, 10], got [3, 1, 10]
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kBatch = 3;
constexpr int64_t kSteps = 10;
constexpr int64_t kTags = 5;

struct PosTaggerImpl : torch::nn::Module {
  PosTaggerImpl() {
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(16, 24).batch_first(true)));
    proj = register_module("proj", torch::nn::Linear(24, kTags));
  }
  // [B, T, 16] -> [B, kTags, T] (class dimension second, as the loss expects)
  torch::Tensor forward(const torch::Tensor& x) {
    auto out = std::get<0>(lstm(x));
    return proj(out).permute({0, 2, 1});
  }
  torch::nn::LSTM lstm{nullptr};
  torch::nn::Linear proj{nullptr};
};
TORCH_MODULE(PosTagger);

int main() {
  torch::manual_seed(0);
  PosTagger tagger;
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(tagger->parameters(), torch::optim::AdamOptions(1e-3));

  auto words = torch::randn({kBatch, kSteps, 16});
  auto tags = torch::randint(0, kTags, {kBatch, kSteps});

  opt.zero_grad();
  auto logits = tagger(words);                       // [3, 5, 10]
  auto loss = criterion(logits, tags.unsqueeze(1));
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
