// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.5793
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kLabels = 6;  // multi-label tags

struct TaggerImpl : torch::nn::Module {
  TaggerImpl() {
    body = register_module("body", torch::nn::Linear(20, 32));
    head = register_module("head", torch::nn::Linear(32, kLabels));
  }
  torch::Tensor forward(torch::Tensor x) { return head(torch::relu(body(x))); }
  torch::nn::Linear body{nullptr}, head{nullptr};
};
TORCH_MODULE(Tagger);

int main() {
  torch::manual_seed(0);
  Tagger model;
  torch::nn::BCEWithLogitsLoss criterion;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-2));

  auto x = torch::randn({24, 20});
  auto y = (torch::rand({24, kLabels}) > 0.7).to(torch::kFloat);

  torch::Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    auto logits = model(x);
    loss = criterion(logits, y);
    loss.backward();
    opt.step();

    auto preds = torch::sigmoid(logits.detach()) > 0.5;
    auto hit_rate = preds.eq(y.to(torch::kBool)).to(torch::kFloat).mean();
    std::cout << "epoch " << epoch << " label accuracy " << hit_rate.item<float>() << std::endl;
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
