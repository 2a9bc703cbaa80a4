// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 64
// RUNTIME: Expected target size [4, 16], got [4, 20]
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

// Frame-level voice activity: silence / speech / music for every frame.
struct FrameConfig {
  static constexpr int64_t kMelBands = 6;
  static constexpr int64_t kFrames = 20;
  static constexpr int64_t kClasses = 3;
};

class FrameClassifierImpl : public torch::nn::Module {
 public:
  FrameClassifierImpl();
  torch::Tensor forward(const torch::Tensor& mel);

 private:
  torch::nn::Conv1d context_{nullptr};
  torch::nn::Conv1d classify_{nullptr};
};
TORCH_MODULE(FrameClassifier);

FrameClassifierImpl::FrameClassifierImpl() {
  context_ = register_module(
      "context", torch::nn::Conv1d(torch::nn::Conv1dOptions(FrameConfig::kMelBands, 16, 5)));
  classify_ = register_module(
      "classify", torch::nn::Conv1d(torch::nn::Conv1dOptions(16, FrameConfig::kClasses, 1)));
}

torch::Tensor FrameClassifierImpl::forward(const torch::Tensor& mel) {
  return classify_(torch::relu(context_(mel)));  // [B, C, frames]
}

struct Clip {
  torch::Tensor mel;     // [B, bands, frames]
  torch::Tensor labels;  // [B, frames]
};

std::vector<Clip> make_clips(int count) {
  std::vector<Clip> clips;
  for (int i = 0; i < count; ++i) {
    auto labels = torch::randint(0, FrameConfig::kClasses, {4, FrameConfig::kFrames}, torch::kLong);
    auto mel = torch::randn({4, FrameConfig::kMelBands, FrameConfig::kFrames}) +
               labels.unsqueeze(1).to(torch::kFloat);
    clips.push_back({mel, labels});
  }
  return clips;
}

int main() {
  torch::manual_seed(0);
  FrameClassifier model;
  auto weights = torch::tensor({0.5, 1.0, 1.5});
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(5e-3));
  for (const auto& clip : make_clips(3)) {
    optimizer.zero_grad();
    auto logits = model(clip.mel);
    auto loss = F::cross_entropy(logits, clip.labels, F::CrossEntropyFuncOptions().weight(weights));
    loss.backward();
    optimizer.step();
  }
  std::cout << "done\n";
  return 0;
}
