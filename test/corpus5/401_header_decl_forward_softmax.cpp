// LABEL: torch-softmax-before-cross-entropy
// LINE: 39
// RUNTIME: ran, loss=1.3642
#include <torch/torch.h>

#include <iostream>

#include "text_classifier.h"

constexpr int64_t kVocab = 50;
constexpr int64_t kDim = 16;
constexpr int64_t kNumTopics = 4;

TextClassifierImpl::TextClassifierImpl(int64_t vocab, int64_t dim, int64_t classes)
    : embed(register_module(
          "embed", torch::nn::EmbeddingBag(
                       torch::nn::EmbeddingBagOptions(vocab, dim).mode(torch::kMean)))),
      hidden(register_module("hidden", torch::nn::Linear(dim, dim))),
      out(register_module("out", torch::nn::Linear(dim, classes))) {}

torch::Tensor TextClassifierImpl::forward(const torch::Tensor& tokens) {
  auto h = torch::relu(hidden(embed(tokens)));
  return torch::softmax(out(h), /*dim=*/1);
}

int main() {
  torch::manual_seed(0);
  TextClassifier model(kVocab, kDim, kNumTopics);
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-2));
  torch::nn::CrossEntropyLoss criterion;

  auto tokens = torch::randint(0, kVocab, {8, 12});
  auto topics = torch::randint(0, kNumTopics, {8});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    auto out = model->forward(tokens);
    loss = criterion(out, topics);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
