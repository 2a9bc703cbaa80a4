// LABEL: torch-stray-unsqueeze
// LINE: 31
// RUNTIME: Expected target size [3, 20], got [3, 20, 1]
#include <torch/torch.h>

#include <functional>
#include <iostream>

// Frame-level phoneme classifier over a 1-D feature sequence.
struct FrameClassifierImpl : torch::nn::Module {
  FrameClassifierImpl(int64_t n_mels, int64_t n_phones)
      : conv1(torch::nn::Conv1dOptions(n_mels, 32, 5).padding(2)),
        conv2(torch::nn::Conv1dOptions(32, n_phones, 1)) {
    register_module("conv1", conv1);
    register_module("conv2", conv2);
  }
  // [B, n_mels, T] -> [B, n_phones, T]
  torch::Tensor forward(torch::Tensor x) { return conv2(torch::relu(conv1(x))); }
  torch::nn::Conv1d conv1, conv2;
};
TORCH_MODULE(FrameClassifier);

int main() {
  torch::manual_seed(0);
  const int64_t n_mels = 10, n_phones = 7, frames = 20, batch = 3;

  FrameClassifier model(n_mels, n_phones);
  torch::nn::CrossEntropyLoss criterion(torch::nn::CrossEntropyLossOptions().ignore_index(-1));
  std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)> frame_loss =
      [&criterion](const torch::Tensor& logits, const torch::Tensor& alignment) {
        return criterion(logits, alignment.unsqueeze(-1));
      };

  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(2e-3));
  auto feats = torch::randn({batch, n_mels, frames});
  auto align = torch::randint(0, n_phones, {batch, frames});
  align.slice(1, frames - 4, frames).fill_(-1);  // padding frames

  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    auto loss = frame_loss(model(feats), align);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
