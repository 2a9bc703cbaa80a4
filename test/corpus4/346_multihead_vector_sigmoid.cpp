// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 42
// RUNTIME: ran, loss=2.31389
#include <torch/torch.h>
#include <iostream>
#include <vector>

// One binary head per defect type on a shared trunk.
struct DefectNetImpl : torch::nn::Module {
  explicit DefectNetImpl(int64_t num_heads) {
    trunk = register_module("trunk", torch::nn::Linear(24, 32));
    heads = register_module("heads", torch::nn::ModuleList());
    for (int64_t i = 0; i < num_heads; ++i) heads->push_back(torch::nn::Linear(32, 1));
  }
  std::vector<torch::Tensor> forward(const torch::Tensor& x) {
    auto h = torch::relu(trunk(x));
    std::vector<torch::Tensor> outs;
    for (const auto& head : *heads) {
      outs.push_back(head->as<torch::nn::Linear>()->forward(h).sigmoid());
    }
    return outs;
  }
  torch::nn::Linear trunk{nullptr};
  torch::nn::ModuleList heads{nullptr};
};
TORCH_MODULE(DefectNet);

int main() {
  torch::manual_seed(0);
  const int64_t kHeads = 3;
  DefectNet net(kHeads);
  torch::nn::BCEWithLogitsLoss bce;
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-3));

  auto x = torch::randn({10, 24});
  auto defects = (torch::rand({10, kHeads}) > 0.5).to(torch::kFloat);

  opt.zero_grad();
  auto outputs = net(x);
  torch::Tensor total = torch::zeros({});
  for (int64_t k = 0; k < kHeads; ++k) {
    total = total + bce(outputs[k], defects.select(1, k).unsqueeze(1));
  }
  total.backward();
  opt.step();
  std::cout << "loss=" << total.item<float>() << std::endl;
  return 0;
}
