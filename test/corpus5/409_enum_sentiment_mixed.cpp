// LABEL: torch-target-out-of-range
// LINE: 38
// RUNTIME: Target 3 is out of bounds.
#include <torch/torch.h>

#include <iostream>
#include <vector>

enum Sentiment : int64_t { kNegative, kNeutral, kPositive, kMixed };

// kMixed was added to the annotation guide after the model was designed.
constexpr int64_t kNumSentiments = kPositive + 1;

struct SentimentNetImpl : torch::nn::Module {
  SentimentNetImpl(int64_t in_features)
      : fc(register_module("fc", torch::nn::Linear(in_features, 16))),
        out(register_module("out", torch::nn::Linear(16, kNumSentiments))) {}
  torch::Tensor forward(torch::Tensor x) { return out(torch::relu(fc(x))); }
  torch::nn::Linear fc, out;
};
TORCH_MODULE(SentimentNet);

int main() {
  torch::manual_seed(0);
  std::vector<Sentiment> annotations = {kPositive, kNegative, kNeutral, kMixed,
                                        kPositive, kNeutral, kNegative, kPositive};
  std::vector<int64_t> ids;
  for (Sentiment s : annotations) ids.push_back(static_cast<int64_t>(s));
  auto targets = torch::tensor(ids);
  auto x = torch::randn({static_cast<int64_t>(ids.size()), 12});

  SentimentNet net(12);
  torch::optim::Adam opt(net->parameters(), 1e-3);
  torch::nn::CrossEntropyLoss criterion;
  for (int epoch = 0; epoch < 2; ++epoch) {
    opt.zero_grad();
    auto logits = net(x);
    auto loss = criterion(logits, targets);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << std::endl;
  }
}
