// LABEL: torch-softmax-before-cross-entropy
// LINE: 12
// RUNTIME: ran, loss=0.999057
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace {

torch::Tensor classification_loss(const torch::Tensor& scores, const torch::Tensor& y) {
  return torch::nn::functional::cross_entropy(scores, y);
}

}  // namespace

class TextCNN : public torch::nn::Module {
 public:
  TextCNN(int64_t vocab, int64_t dim, int64_t n_labels)
      : emb_(register_module("emb", torch::nn::Embedding(vocab, dim))),
        conv_(register_module("conv", torch::nn::Conv1d(torch::nn::Conv1dOptions(dim, 12, 3)))),
        out_(register_module("out", torch::nn::Linear(12, n_labels))) {}

  torch::Tensor forward(const torch::Tensor& tokens) {
    auto h = emb_->forward(tokens).transpose(1, 2);  // [B, dim, T]
    h = torch::relu(conv_->forward(h));
    h = std::get<0>(h.max(2));
    return out_->forward(h).softmax(-1);
  }

 private:
  torch::nn::Embedding emb_;
  torch::nn::Conv1d conv_;
  torch::nn::Linear out_;
};

int main() {
  torch::manual_seed(0);
  const int64_t vocab = 30, labels = 3, batch = 16, seq = 9;
  TextCNN model(vocab, 8, labels);
  torch::optim::Adam adam(model.parameters(), torch::optim::AdamOptions(5e-3));

  auto tokens = torch::randint(0, vocab, {batch, seq});
  auto y = tokens.select(1, 0) % labels;

  torch::Tensor loss;
  for (int it = 0; it < 10; ++it) {
    adam.zero_grad();
    loss = classification_loss(model.forward(tokens), y);
    loss.backward();
    adam.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
