// LABEL: torch-softmax-before-cross-entropy
// LINE: 56
// RUNTIME: ran, loss=1.00885
#include <torch/torch.h>

#include <iostream>
#include <utility>
#include <vector>

namespace {

struct ActivityConfig {
  static const int64_t kWindow = 20;    // samples per window
  static const int64_t kChannels = 3;   // accelerometer axes
  static const int64_t kActivities = 5; // walk, run, sit, stand, climb
};
const int64_t ActivityConfig::kWindow;
const int64_t ActivityConfig::kChannels;
const int64_t ActivityConfig::kActivities;

class ActivityNetImpl : public torch::nn::Module {
 public:
  ActivityNetImpl()
      : conv1_(torch::nn::Conv1dOptions(ActivityConfig::kChannels, 8, 5).padding(2)),
        conv2_(torch::nn::Conv1dOptions(8, 8, 5).padding(2)),
        fc_(8, ActivityConfig::kActivities) {
    register_module("conv1", conv1_);
    register_module("conv2", conv2_);
    register_module("fc", fc_);
  }

  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(conv1_(x));
    x = torch::relu(conv2_(x));
    return fc_(x.mean(/*dim=*/2));
  }

 private:
  torch::nn::Conv1d conv1_;
  torch::nn::Conv1d conv2_;
  torch::nn::Linear fc_;
};
TORCH_MODULE(ActivityNet);

class Trainer {
 public:
  Trainer(ActivityNet net, const torch::Tensor& class_weights)
      : net_(std::move(net)),
        criterion_(torch::nn::CrossEntropyLossOptions().weight(class_weights)),
        optimizer_(net_->parameters(), torch::optim::AdamOptions(3e-2)) {}

  std::pair<double, double> step(const torch::Tensor& windows, const torch::Tensor& activity) {
    net_->train();
    optimizer_.zero_grad();
    auto probs = net_->forward(windows).softmax(/*dim=*/1);
    auto loss = criterion_(probs, activity);
    loss.backward();
    optimizer_.step();
    auto correct = probs.argmax(1).eq(activity).sum().item<int64_t>();
    return {loss.item<double>(), static_cast<double>(correct) / activity.size(0)};
  }

 private:
  ActivityNet net_;
  torch::nn::CrossEntropyLoss criterion_;
  torch::optim::Adam optimizer_;
};

}  // namespace

int main() {
  torch::manual_seed(0);
  const int64_t n = 60;
  std::vector<int64_t> ids(n);
  for (int64_t i = 0; i < n; ++i) {
    ids[i] = (i * 7) % ActivityConfig::kActivities;
  }
  auto activity = torch::tensor(ids);
  auto freq = (activity.to(torch::kFloat) + 1.0).view({n, 1, 1});
  auto t = torch::arange(ActivityConfig::kWindow).to(torch::kFloat).view({1, 1, -1});
  auto windows = torch::sin(freq * t * 0.3).repeat({1, ActivityConfig::kChannels, 1}) +
                 0.05 * torch::randn({n, ActivityConfig::kChannels, ActivityConfig::kWindow});

  auto weights = torch::ones({ActivityConfig::kActivities});
  weights[0] = 0.5;  // walking is over-represented in the real logs
  Trainer trainer(ActivityNet(), weights);

  double last_loss = 0.0;
  for (int epoch = 0; epoch < 60; ++epoch) {
    auto [loss, acc] = trainer.step(windows, activity);
    last_loss = loss;
    if (epoch % 20 == 19) {
      std::cout << "epoch " << epoch << " loss " << loss << " acc " << acc << "\n";
    }
  }
  std::cout << "final loss=" << last_loss << "\n";
  return 0;
}
