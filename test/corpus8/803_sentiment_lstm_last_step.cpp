// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.00134569
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

class SentimentNetImpl : public nn::Module {
 public:
  static constexpr int64_t kClasses = 3;
  SentimentNetImpl(int64_t vocab, int64_t hidden);
  torch::Tensor forward(const torch::Tensor& ids);
  torch::Tensor predict_proba(const torch::Tensor& ids);

 private:
  nn::Embedding embed_{nullptr};
  nn::LSTM lstm_{nullptr};
  nn::Linear out_{nullptr};
};
TORCH_MODULE(SentimentNet);

SentimentNetImpl::SentimentNetImpl(int64_t vocab, int64_t hidden) {
  embed_ = register_module("embed", nn::Embedding(vocab, 16));
  lstm_ = register_module("lstm", nn::LSTM(nn::LSTMOptions(16, hidden).batch_first(true)));
  out_ = register_module("out", nn::Linear(hidden, kClasses));
}

torch::Tensor SentimentNetImpl::forward(const torch::Tensor& ids) {
  auto states = std::get<0>(lstm_(embed_(ids)));  // [B, T, H]
  return out_(states.select(1, -1));              // [B, kClasses]
}

torch::Tensor SentimentNetImpl::predict_proba(const torch::Tensor& ids) {
  return torch::softmax(forward(ids), /*dim=*/1);
}

int main() {
  torch::manual_seed(0);
  const int64_t vocab = 50, B = 16, T = 7;
  auto ids = torch::randint(vocab, {B, T});
  auto labels = ids.select(1, -1) % SentimentNetImpl::kClasses;

  SentimentNet net(vocab, 24);
  nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(0.01));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 40; ++epoch) {
    opt.zero_grad();
    loss = criterion(net(ids), labels);
    loss.backward();
    opt.step();
  }
  auto confidence = net->predict_proba(ids).max().item<float>();
  std::cout << "final loss " << loss.item<float>() << " max confidence " << confidence
            << std::endl;
}
