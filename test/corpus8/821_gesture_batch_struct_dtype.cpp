// LABEL: torch-float-class-target
// LINE: 50
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>
#include <iostream>
#include <vector>

namespace nn = torch::nn;

struct GestureBatch {
  torch::Tensor accel;    // [B, 3, 20]
  torch::Tensor gesture;  // [B]
};

constexpr int64_t kGestures = 4;

GestureBatch make_batch(int64_t b) {
  auto accel = torch::randn({b, 3, 20});
  auto energy = accel.pow(2).mean(2);  // [B, 3]
  auto gesture = energy.argmax(1) + (energy.sum(1) > 3.0).to(torch::kLong);
  // Keep every field of the batch on the same dtype/device as the signal.
  return {accel, gesture.to(accel.options())};
}

struct GestureNetImpl : nn::Module {
  GestureNetImpl() {
    conv = register_module("conv", nn::Conv1d(nn::Conv1dOptions(3, 8, 5).padding(2)));
    fc = register_module("fc", nn::Linear(8, kGestures));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    return fc(torch::relu(conv(x)).mean(2));
  }
  nn::Conv1d conv{nullptr};
  nn::Linear fc{nullptr};
};
TORCH_MODULE(GestureNet);

int main() {
  torch::manual_seed(0);
  std::vector<GestureBatch> batches;
  for (int i = 0; i < 3; ++i) batches.push_back(make_batch(8));

  GestureNet net;
  nn::CrossEntropyLoss criterion(nn::CrossEntropyLossOptions().label_smoothing(0.1));
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.1));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (const auto& batch : batches) {
      opt.zero_grad();
      loss = criterion(net(batch.accel), batch.gesture);
      loss.backward();
      opt.step();
    }
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
