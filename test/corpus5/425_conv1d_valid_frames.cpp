// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 39
// RUNTIME: Expected target size [2, 6], got [2, 10]
#include <torch/torch.h>

#include <iostream>

namespace nn = torch::nn;

struct FrameTaggerConfig {
  int64_t channels = 5;
  int64_t hidden = 12;
  int64_t num_tags = 4;
  int64_t kernel = 5;
  int64_t padding = 0;
};

nn::Sequential make_frame_tagger(const FrameTaggerConfig& c) {
  return nn::Sequential(
      nn::Conv1d(nn::Conv1dOptions(c.channels, c.hidden, c.kernel).padding(c.padding)),
      nn::ReLU(),
      nn::Conv1d(nn::Conv1dOptions(c.hidden, c.num_tags, 1)));
}

int main() {
  torch::manual_seed(0);
  FrameTaggerConfig cfg;
  auto tagger = make_frame_tagger(cfg);
  constexpr int64_t kBatch = 2, kFrames = 10;

  auto audio = torch::randn({kBatch, cfg.channels, kFrames});
  auto frame_tags = torch::randint(0, cfg.num_tags, {kBatch, kFrames});

  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(tagger->parameters(), 0.05);
  for (int it = 0; it < 2; ++it) {
    opt.zero_grad();
    auto logits = tagger->forward(audio);  // [B, num_tags, frames']
    auto loss = criterion(logits, frame_tags);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << std::endl;
  }
}
