// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.638666
#include <torch/torch.h>

#include <iostream>

// Review rating (1-5 stars, stored 0-4) from word embeddings with attention pooling.
class AttentionPoolClassifierImpl : public torch::nn::Module {
 public:
  AttentionPoolClassifierImpl(int64_t dim, int64_t classes)
      : attn_(dim, 1), classify_(dim, classes) {
    register_module("attn", attn_);
    register_module("classify", classify_);
  }

  torch::Tensor forward(const torch::Tensor& words, const torch::Tensor& mask) {
    auto scores = attn_(words).squeeze(-1);                     // [B, T]
    scores = scores.masked_fill(mask.logical_not(), -1e9);
    auto weights = torch::softmax(scores, /*dim=*/1);           // [B, T]
    auto pooled = (weights.unsqueeze(-1) * words).sum(1);       // [B, D]
    return classify_(pooled);                                   // [B, classes]
  }

 private:
  torch::nn::Linear attn_;
  torch::nn::Linear classify_;
};
TORCH_MODULE(AttentionPoolClassifier);

int main() {
  torch::manual_seed(0);
  const int64_t batch = 6, words = 7, dim = 10, stars = 5;
  auto embeddings = torch::randn({batch, words, dim});
  auto lengths = torch::tensor({7, 5, 6, 3, 7, 4});
  auto mask = torch::arange(words).unsqueeze(0) < lengths.unsqueeze(1);
  auto rating = torch::tensor({4, 0, 3, 1, 2, 4});

  AttentionPoolClassifier model(dim, stars);
  torch::nn::CrossEntropyLoss criterion;
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-2));
  torch::Tensor loss;
  for (int step = 0; step < 40; ++step) {
    optimizer.zero_grad();
    loss = criterion(model(embeddings, mask), rating);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
