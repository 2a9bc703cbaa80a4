// LABEL: torch-stray-unsqueeze
// LINE: 46
// RUNTIME: Expected target size [12, 6], got [12]
#include <torch/torch.h>
#include <iostream>
#include <vector>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

constexpr int64_t kKeywords = 6;

struct KeywordNetImpl : nn::Module {
  KeywordNetImpl() {
    conv = register_module("conv", nn::Conv1d(nn::Conv1dOptions(10, 16, 3).padding(1)));
    fc = register_module("fc", nn::Linear(16, kKeywords));
  }
  torch::Tensor forward(const torch::Tensor& mfcc) {  // [B, 10, frames]
    auto h = torch::relu(conv(mfcc)).amax(2);
    return fc(h);                                      // [B, kKeywords]
  }
  nn::Conv1d conv{nullptr};
  nn::Linear fc{nullptr};
};
TORCH_MODULE(KeywordNet);

int main() {
  torch::manual_seed(0);
  // Clips have different lengths, so the model is run one clip at a time.
  std::vector<torch::Tensor> clips;
  std::vector<int64_t> keyword;
  for (int64_t i = 0; i < 12; ++i) {
    clips.push_back(torch::randn({10, 15 + 3 * (i % 4)}));
    keyword.push_back(i % kKeywords);
  }
  auto targets = torch::tensor(keyword);

  KeywordNet net;
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(0.01));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    std::vector<torch::Tensor> logits;
    for (const auto& clip : clips) logits.push_back(net(clip.unsqueeze(0)));  // [1, kKeywords]
    auto batch_logits = torch::stack(logits);
    loss = F::cross_entropy(batch_logits, targets);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
