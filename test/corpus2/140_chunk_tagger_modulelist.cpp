// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=5.81579
#include <torch/torch.h>

#include <iostream>
#include <vector>

struct ChunkerOptions {
  int64_t vocab = 60;
  int64_t dim = 16;
  int64_t layers = 2;
  int64_t num_labels = 3;  // B, I, O
  bool targets_have_channel_dim = false;
};

// Stack of 1-D convolutions over a token sequence, producing [B, num_labels, T].
class ConvChunkerImpl : public torch::nn::Module {
 public:
  explicit ConvChunkerImpl(const ChunkerOptions& o) {
    embed_ = register_module("embed", torch::nn::Embedding(o.vocab, o.dim));
    for (int64_t i = 0; i < o.layers; ++i) {
      convs_->push_back(torch::nn::Conv1d(torch::nn::Conv1dOptions(o.dim, o.dim, 3).padding(1)));
      convs_->push_back(torch::nn::Functional([](torch::Tensor t) { return torch::relu(t); }));
    }
    convs_->push_back(torch::nn::Conv1d(torch::nn::Conv1dOptions(o.dim, o.num_labels, 1)));
    register_module("convs", convs_);
  }

  torch::Tensor forward(const torch::Tensor& tokens) {
    auto h = embed_->forward(tokens).transpose(1, 2);
    return convs_->forward(h);
  }

 private:
  torch::nn::Embedding embed_{nullptr};
  torch::nn::Sequential convs_;
};
TORCH_MODULE(ConvChunker);

int main() {
  torch::manual_seed(0);
  ChunkerOptions opts;
  ConvChunker chunker(opts);
  torch::nn::CrossEntropyLoss loss_fn(torch::nn::CrossEntropyLossOptions().reduction(torch::kSum));
  torch::optim::Adam adam(chunker->parameters(), torch::optim::AdamOptions(1e-2));

  auto tokens = torch::randint(0, opts.vocab, {6, 10});
  auto labels = (tokens % 7).clamp_max(opts.num_labels - 1);
  if (opts.targets_have_channel_dim) {
    labels = labels.unsqueeze(1);
  }

  torch::Tensor loss;
  for (int epoch = 0; epoch < 8; ++epoch) {
    adam.zero_grad();
    loss = loss_fn(chunker->forward(tokens), labels) / tokens.numel();
    loss.backward();
    adam.step();
  }
  std::cout << "train loss=" << loss.item<float>() << "\n";

  chunker->eval();
  torch::NoGradGuard ng;
  auto one = tokens[0];
  auto one_loss = loss_fn(chunker->forward(one.unsqueeze(0)), labels[0].unsqueeze(0));
  std::cout << "first sentence loss=" << one_loss.item<float>() << "\n";
}
