// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 39
// RUNTIME: ran, loss=1.6474
#include <torch/torch.h>

#include <iostream>
#include <map>
#include <string>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

enum : int64_t { kCategories = 4, kAttributes = 6 };

struct FashionNetImpl : nn::Module {
  FashionNetImpl() {
    backbone = register_module("backbone", nn::Linear(24, 32));
    heads = register_module("heads", nn::ModuleDict());
    heads->update({{"category", nn::Linear(32, kCategories).ptr()},
                   {"attributes", nn::Linear(32, kAttributes).ptr()}});
  }

  std::map<std::string, torch::Tensor> forward(const torch::Tensor& x) {
    auto h = torch::relu(backbone(x));
    std::map<std::string, torch::Tensor> out;
    out["category"] = heads["category"]->as<nn::Linear>()->forward(h);
    out["attributes"] = torch::sigmoid(heads["attributes"]->as<nn::Linear>()->forward(h));
    return out;
  }

  nn::Linear backbone{nullptr};
  nn::ModuleDict heads{nullptr};
};
TORCH_MODULE(FashionNet);

torch::Tensor multitask_loss(const std::map<std::string, torch::Tensor>& out,
                             const torch::Tensor& category, const torch::Tensor& attributes) {
  auto category_loss = F::cross_entropy(out.at("category"), category);
  auto attribute_loss = F::binary_cross_entropy_with_logits(out.at("attributes"), attributes);
  return category_loss + 0.5 * attribute_loss;
}

int main() {
  torch::manual_seed(0);
  FashionNet net;
  torch::optim::Adam opt(net->parameters(), 1e-3);
  auto images = torch::randn({8, 24});
  auto category = torch::randint(0, kCategories, {8});
  auto attributes = torch::randint(0, 2, {8, kAttributes}).to(torch::kFloat);

  torch::Tensor loss;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    loss = multitask_loss(net->forward(images), category, attributes);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
