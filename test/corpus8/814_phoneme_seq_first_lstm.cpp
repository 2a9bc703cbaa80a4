// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.756738
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

constexpr int64_t kPhonemes = 7;
constexpr int64_t kFeat = 13;

struct PhonemeRecognizerImpl : nn::Module {
  PhonemeRecognizerImpl()
      : rnn(register_module("rnn", nn::LSTM(nn::LSTMOptions(kFeat, 20)))),  // seq-first
        out(register_module("out", nn::Linear(20, kPhonemes))) {}
  torch::Tensor forward(const torch::Tensor& frames) {  // frames: [T, B, kFeat]
    auto states = std::get<0>(rnn(frames));             // [T, B, 20]
    return out(states);                                  // [T, B, kPhonemes]
  }
  nn::LSTM rnn;
  nn::Linear out;
};
TORCH_MODULE(PhonemeRecognizer);

int main() {
  torch::manual_seed(0);
  const int64_t T = 12, B = 5;
  auto frames = torch::randn({T, B, kFeat});
  // Frame labels are stored batch-major, [B, T].
  auto labels = frames.slice(2, 0, kPhonemes).argmax(2).transpose(0, 1).contiguous();

  PhonemeRecognizer model;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(0.01));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 25; ++epoch) {
    opt.zero_grad();
    auto emissions = model(frames).permute({1, 2, 0});  // [B, kPhonemes, T]
    loss = F::cross_entropy(emissions, labels);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
