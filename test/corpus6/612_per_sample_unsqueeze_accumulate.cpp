// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.07535
#include <torch/torch.h>

#include <iostream>

// Variable-length sentences are classified one at a time; gradients are
// accumulated over a "virtual batch".
struct SentenceEncoderImpl : torch::nn::Module {
  SentenceEncoderImpl(int64_t vocab, int64_t labels) {
    emb = register_module("emb", torch::nn::Embedding(vocab, 10));
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(10, 10)));
    cls = register_module("cls", torch::nn::Linear(10, labels));
  }
  // tokens: [T, 1]  (sequence-first, batch of one)
  torch::Tensor forward(const torch::Tensor& tokens) {
    auto out = std::get<0>(lstm(emb(tokens)));   // [T, 1, 10]
    return cls(out[-1]);                           // [1, labels]
  }
  torch::nn::Embedding emb{nullptr};
  torch::nn::LSTM lstm{nullptr};
  torch::nn::Linear cls{nullptr};
};
TORCH_MODULE(SentenceEncoder);

int main() {
  torch::manual_seed(0);
  SentenceEncoder enc(30, 3);
  torch::optim::Adam opt(enc->parameters());

  std::vector<torch::Tensor> sentences;
  std::vector<int64_t> labels = {2, 0, 1, 2, 1};
  for (int64_t len : {4, 7, 3, 5, 6}) sentences.push_back(torch::randint(0, 30, {len}));

  opt.zero_grad();
  double total = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    auto tokens = sentences[i].unsqueeze(1);                    // [T, 1]
    auto logits = enc(tokens);                                  // [1, 3]
    auto target = torch::tensor(labels[i]).unsqueeze(0);        // [1]
    auto loss = torch::nn::functional::cross_entropy(logits, target) / 5.0;
    loss.backward();
    total += loss.item<double>();
  }
  opt.step();
  std::cout << "loss=" << total << std::endl;
}
