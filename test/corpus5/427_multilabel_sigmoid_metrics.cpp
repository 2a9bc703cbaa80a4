// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.834867
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

constexpr int64_t kNumTags = 5;

int main() {
  torch::manual_seed(0);
  // Each photo has a list of tag ids.
  std::vector<std::vector<int64_t>> tag_lists = {{0, 3}, {1}, {2, 4}, {0, 1, 2}, {4}, {3}};
  const int64_t n = static_cast<int64_t>(tag_lists.size());
  auto multi_hot = torch::zeros({n, kNumTags}, torch::kLong);
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t tag : tag_lists[i]) multi_hot[i][tag] = 1;
  }
  auto targets = multi_hot.to(torch::kFloat);
  auto tag_freq = targets.mean(0);
  auto pos_weight = (1 - tag_freq) / tag_freq.clamp_min(1e-3);

  torch::nn::Sequential model(torch::nn::Linear(12, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, kNumTags));
  torch::optim::Adam opt(model->parameters(), 1e-2);
  auto photos = torch::randn({n, 12});
  auto options = F::BinaryCrossEntropyWithLogitsFuncOptions().pos_weight(pos_weight);

  torch::Tensor loss, logits;
  for (int it = 0; it < 5; ++it) {
    opt.zero_grad();
    logits = model->forward(photos);
    loss = F::binary_cross_entropy_with_logits(logits, targets, options);
    loss.backward();
    opt.step();
  }
  auto predicted = torch::sigmoid(logits.detach()) > 0.5;
  auto tp = (predicted & multi_hot.to(torch::kBool)).sum().item<int64_t>();
  std::cout << "true positives=" << tp << "\n";
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
