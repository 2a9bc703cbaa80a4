// LABEL: torch-target-out-of-range
// LINE: 36
// RUNTIME: Target -100 is out of bounds.
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

constexpr int64_t kPadTag = 0;  // tag vocabulary: 0 = <pad>, 1..4 = real tags
constexpr int64_t kNumTags = 5;
constexpr int64_t kVocab = 30;

int main() {
  torch::manual_seed(0);
  std::vector<std::vector<int64_t>> sentences = {{4, 7, 9, 2}, {5, 1}, {8, 3, 6}};
  std::vector<std::vector<int64_t>> tag_seqs = {{1, 2, 2, 3}, {4, 1}, {2, 3, 1}};
  const int64_t batch = 3, max_len = 4;

  auto tokens = torch::zeros({batch, max_len}, torch::kLong);
  auto tags = torch::full({batch, max_len}, -100, torch::kLong);
  for (int64_t i = 0; i < batch; ++i) {
    const int64_t len = static_cast<int64_t>(sentences[i].size());
    tokens[i].narrow(0, 0, len).copy_(torch::tensor(sentences[i]));
    tags[i].narrow(0, 0, len).copy_(torch::tensor(tag_seqs[i]));
  }

  nn::Embedding embed(kVocab, 8);
  nn::Linear proj(8, kNumTags);
  nn::NLLLoss criterion(nn::NLLLossOptions().ignore_index(kPadTag));

  auto emissions = proj(embed(tokens));                        // [B, T, C]
  auto log_probs = F::log_softmax(emissions, F::LogSoftmaxFuncOptions(-1)).permute({0, 2, 1});
  auto loss = criterion(log_probs, tags);
  loss.backward();
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
