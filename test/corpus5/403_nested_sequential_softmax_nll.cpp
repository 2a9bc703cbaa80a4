// LABEL: torch-softmax-before-nll-loss
// LINE: 43
// RUNTIME: ran, loss=-0.331009
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace nn = torch::nn;

constexpr int64_t kFeatures = 10;
constexpr int64_t kClasses = 3;

// A Sequential with a concrete forward(), so that it can be nested in another Sequential.
struct StageImpl : nn::SequentialImpl {
  using nn::SequentialImpl::SequentialImpl;
  torch::Tensor forward(torch::Tensor x) { return nn::SequentialImpl::forward(x); }
};
TORCH_MODULE(Stage);

int main() {
  torch::manual_seed(0);

  Stage features(nn::Linear(kFeatures, 24), nn::ReLU(), nn::Dropout(0.1),
                 nn::Linear(24, 24), nn::ReLU());
  Stage classifier(nn::Linear(24, kClasses), nn::Softmax(nn::SoftmaxOptions(1)));
  nn::Sequential net;
  net->push_back("features", features);
  net->push_back("classifier", classifier);

  std::vector<int64_t> raw_labels = {2, 0, 1, 1, 0, 2, 2, 1};
  auto labels = torch::from_blob(raw_labels.data(),
                                 {static_cast<int64_t>(raw_labels.size())}, torch::kLong)
                    .clone();
  auto inputs = torch::randn({8, kFeatures});

  nn::NLLLoss criterion;
  torch::optim::SGD opt(net->parameters(), 0.05);
  torch::Tensor loss;
  for (int step = 0; step < 5; ++step) {
    opt.zero_grad();
    auto out = net->forward(inputs);
    loss = criterion(out, labels);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
