// LABEL: torch-softmax-before-cross-entropy
// LINE: 41
// RUNTIME: ran, loss=0.912634
#include <torch/torch.h>

#include <functional>
#include <iostream>
#include <map>
#include <string>

using Transform = std::function<torch::Tensor(const torch::Tensor&)>;

struct Head : torch::nn::Module {
  explicit Head(int64_t d, int64_t k) : lin(register_module("lin", torch::nn::Linear(d, k))) {}
  torch::Tensor forward(const torch::Tensor& x) { return lin(x); }
  torch::nn::Linear lin;
};

int main() {
  torch::manual_seed(0);

  std::map<std::string, Transform> postprocessors;
  postprocessors["identity"] = [](const torch::Tensor& t) { return t; };
  postprocessors["normalize"] = [](const torch::Tensor& t) { return torch::softmax(t, 1); };
  postprocessors["temperature"] = [](const torch::Tensor& t) { return t / 2.0; };

  const std::string which = "normalize";
  Transform post = postprocessors.at(which);

  auto head = std::make_shared<Head>(8, 4);
  torch::nn::CrossEntropyLoss ce;
  torch::optim::SGD sgd(head->parameters(), torch::optim::SGDOptions(0.2).momentum(0.9));

  auto feats = torch::randn({32, 8});
  auto cls = (feats.select(1, 0) > 0).to(torch::kLong) + 2 * (feats.select(1, 1) > 0).to(torch::kLong);

  torch::Tensor loss;
  for (int i = 0; i < 25; ++i) {
    sgd.zero_grad();
    auto out = post(head->forward(feats));
    loss = ce(out, cls);
    loss.backward();
    sgd.step();
  }
  std::cout << "postprocess=" << which << " loss=" << loss.item<float>() << std::endl;
}
