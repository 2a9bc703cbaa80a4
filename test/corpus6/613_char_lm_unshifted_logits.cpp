// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 50
// RUNTIME: Expected input batch_size (22) to match target batch_size (20).
#include <torch/torch.h>

#include <iostream>
#include <string>

// Character-level language model: predict character t+1 from characters <= t.
class CharLMImpl : public torch::nn::Module {
 public:
  CharLMImpl(int64_t vocab, int64_t hidden)
      : vocab_(vocab),
        embedding_(register_module("embedding", torch::nn::Embedding(vocab, hidden))),
        lstm_(register_module("lstm",
                              torch::nn::LSTM(torch::nn::LSTMOptions(hidden, hidden).batch_first(true)))),
        decoder_(register_module("decoder", torch::nn::Linear(hidden, vocab))) {}

  torch::Tensor forward(const torch::Tensor& chars) {
    auto states = std::get<0>(lstm_->forward(embedding_(chars)));
    return decoder_(states);  // [B, T, vocab]
  }

  int64_t vocab() const { return vocab_; }

 private:
  int64_t vocab_;
  torch::nn::Embedding embedding_;
  torch::nn::LSTM lstm_;
  torch::nn::Linear decoder_;
};
TORCH_MODULE(CharLM);

torch::Tensor encode(const std::string& text) {
  std::vector<int64_t> ids;
  for (char c : text) ids.push_back(c == ' ' ? 26 : c - 'a');
  return torch::tensor(ids);
}

int main() {
  torch::manual_seed(0);
  CharLM lm(27, 24);
  auto batch = torch::stack({encode("hello world"), encode("abcde fghij")});  // [2, 11]
  const int64_t T = batch.size(1);

  auto inputs = batch;
  auto next_chars = batch.narrow(1, 1, T - 1);

  auto logits = lm(inputs);
  auto loss = torch::nn::functional::cross_entropy(logits.reshape({-1, lm->vocab()}),
                                                   next_chars.reshape({-1}));
  loss.backward();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
