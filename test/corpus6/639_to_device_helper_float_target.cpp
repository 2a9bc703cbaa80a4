// LABEL: torch-float-class-target
// LINE: 53
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>

using Batch = torch::data::Example<>;

// Moves a batch to the training device and precision in one place.
Batch to_device(const Batch& b, torch::Device device, torch::Dtype dtype) {
  return {b.data.to(device, dtype), b.target.to(device, dtype)};
}

class GestureSet : public torch::data::datasets::Dataset<GestureSet> {
 public:
  GestureSet() {
    imu_ = torch::randn({12, 9}, torch::kDouble);  // recorded as float64
    gesture_ = torch::randint(0, 4, {12}, torch::kLong);
  }
  Batch get(size_t i) override {
    return {imu_[static_cast<int64_t>(i)], gesture_[static_cast<int64_t>(i)]};
  }
  torch::optional<size_t> size() const override { return 12; }

 private:
  torch::Tensor imu_, gesture_;
};

struct GestureNetImpl : torch::nn::Module {
  GestureNetImpl() : body(torch::nn::Linear(9, 16), torch::nn::ReLU(), torch::nn::Linear(16, 4)) {
    register_module("body", body);
  }
  torch::Tensor forward(torch::Tensor x) { return body->forward(x); }
  torch::nn::Sequential body;
};
TORCH_MODULE(GestureNet);

int main() {
  torch::manual_seed(0);
  const torch::Device device(torch::kCPU);
  GestureNet net;
  net->to(device);
  auto loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      GestureSet().map(torch::data::transforms::Stack<>()), 6);

  torch::nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(net->parameters(), 0.1);
  for (int epoch = 0; epoch < 2; ++epoch) {
    for (const auto& raw : *loader) {
      auto batch = to_device(raw, device, torch::kFloat32);
      opt.zero_grad();
      auto loss = criterion(net(batch.data), batch.target);
      loss.backward();
      opt.step();
      std::cout << "loss=" << loss.item<double>() << "\n";
    }
  }
}
