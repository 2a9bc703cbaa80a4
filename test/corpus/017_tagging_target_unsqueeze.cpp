// LABEL: torch-stray-unsqueeze
// LINE: 29
// RUNTIME: Expected target size [2, 5], got [2, 1, 5]
#include <torch/torch.h>
#include <iostream>

// Token tagger: embeddings -> linear -> per-token tag scores
struct TaggerImpl : torch::nn::Module {
  torch::nn::Embedding emb{nullptr};
  torch::nn::Linear proj{nullptr};
  TaggerImpl(int64_t vocab, int64_t dim, int64_t tags) {
    emb = register_module("emb", torch::nn::Embedding(vocab, dim));
    proj = register_module("proj", torch::nn::Linear(dim, tags));
  }
  torch::Tensor forward(const torch::Tensor& tokens) {
    return proj(emb(tokens));  // [B, T, tags]
  }
};
TORCH_MODULE(Tagger);

int main() {
  torch::manual_seed(0);
  Tagger tagger(50, 16, 3);
  auto tokens = torch::randint(0, 50, {2, 5});
  auto tags = torch::randint(0, 3, {2, 5});

  auto scores = tagger(tokens).permute({0, 2, 1});  // [B, tags, T]
  auto gold = tags.unsqueeze(1);
  auto loss = torch::nn::functional::cross_entropy(scores, gold);
  std::cout << "tagging loss=" << loss.item<float>() << std::endl;
}
