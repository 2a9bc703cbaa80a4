// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.843027
#include <torch/torch.h>

#include <iostream>
#include <string>
#include <vector>

namespace F = torch::nn::functional;

constexpr int64_t kPad = 0;

torch::Tensor encode(const std::vector<std::string>& lines, int64_t length) {
  auto ids = torch::full({static_cast<int64_t>(lines.size()), length}, kPad, torch::kLong);
  for (size_t i = 0; i < lines.size(); ++i) {
    for (size_t j = 0; j < lines[i].size() && static_cast<int64_t>(j) < length; ++j) {
      ids[i][j] = 1 + (lines[i][j] - 'a' + 26) % 26;  // 1..26, 0 is padding
    }
  }
  return ids;
}

class CharLmImpl : public torch::nn::Module {
 public:
  CharLmImpl(int64_t vocab, int64_t dim)
      : embed_(torch::nn::EmbeddingOptions(vocab, dim).padding_idx(kPad)),
        gru_(torch::nn::GRUOptions(dim, dim).batch_first(true)),
        out_(dim, vocab) {
    register_module("embed", embed_);
    register_module("gru", gru_);
    register_module("out", out_);
  }

  torch::Tensor forward(const torch::Tensor& ids) {
    auto [states, last] = gru_(embed_(ids));
    return out_(states);  // [B, T, V]
  }

 private:
  torch::nn::Embedding embed_;
  torch::nn::GRU gru_;
  torch::nn::Linear out_;
};
TORCH_MODULE(CharLm);

int main() {
  torch::manual_seed(0);
  const int64_t vocab = 27;
  auto ids = encode({"hello", "world", "torch", "tensor", "grad"}, 7);
  const int64_t steps = ids.size(1) - 1;
  auto inputs = ids.narrow(1, 0, steps);
  auto next = ids.narrow(1, 1, steps);

  CharLm lm(vocab, 16);
  torch::optim::Adam optimizer(lm->parameters(), torch::optim::AdamOptions(2e-2));
  auto options = F::CrossEntropyFuncOptions().ignore_index(kPad).label_smoothing(0.1);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 30; ++epoch) {
    optimizer.zero_grad();
    auto logits = lm(inputs).permute({0, 2, 1});  // [B, V, T-1]
    loss = F::cross_entropy(logits, next, options);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
