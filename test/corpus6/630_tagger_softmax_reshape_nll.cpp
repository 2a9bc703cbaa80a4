// LABEL: torch-softmax-before-nll-loss
// LINE: 41
// RUNTIME: ran, loss=-0.327591
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

// Syllable-boundary tagger over phoneme sequences.
struct BoundaryTagger : torch::nn::Module {
  BoundaryTagger(int64_t phonemes, int64_t tags) : num_tags(tags) {
    emb = register_module("emb", torch::nn::Embedding(phonemes, 8));
    conv = register_module("conv", torch::nn::Conv1d(torch::nn::Conv1dOptions(8, 8, 3).padding(1)));
    proj = register_module("proj", torch::nn::Linear(8, tags));
  }

  // Returns per-position tag probabilities, [B, T, tags].
  torch::Tensor forward(const torch::Tensor& ids) {
    auto h = emb(ids).permute({0, 2, 1});          // [B, 8, T]
    h = torch::relu(conv(h)).permute({0, 2, 1});   // [B, T, 8]
    return F::softmax(proj(h), F::SoftmaxFuncOptions(-1));
  }

  int64_t num_tags;
  torch::nn::Embedding emb{nullptr};
  torch::nn::Conv1d conv{nullptr};
  torch::nn::Linear proj{nullptr};
};

int main() {
  torch::manual_seed(0);
  auto tagger = std::make_shared<BoundaryTagger>(40, 3);  // inside, begin, end
  auto ids = torch::randint(0, 40, {4, 9});
  auto tags = torch::randint(0, 3, {4, 9});

  torch::optim::Adam opt(tagger->parameters(), 0.01);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    auto per_position = tagger->forward(ids).reshape({-1, tagger->num_tags});  // [B*T, tags]
    loss = F::nll_loss(per_position, tags.reshape({-1}));
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
