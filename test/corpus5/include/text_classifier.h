#pragma once
#include <torch/torch.h>

// Bag-of-embeddings topic classifier. The constructor and forward() are defined
// out of line by the program that uses the model.
struct TextClassifierImpl : torch::nn::Module {
  TextClassifierImpl(int64_t vocab, int64_t dim, int64_t classes);
  torch::Tensor forward(const torch::Tensor& tokens);

  torch::nn::EmbeddingBag embed{nullptr};
  torch::nn::Linear hidden{nullptr};
  torch::nn::Linear out{nullptr};
};
TORCH_MODULE(TextClassifier);
