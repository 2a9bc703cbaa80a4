// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 40
// RUNTIME: ran, loss=0.717438
#include <torch/torch.h>

#include <iostream>

// Click-through prediction: one score per (user, item) pair.
struct CtrModelImpl : torch::nn::Module {
  CtrModelImpl(int64_t users, int64_t items, int64_t dim) {
    user_emb = register_module("user_emb", torch::nn::Embedding(users, dim));
    item_emb = register_module("item_emb", torch::nn::Embedding(items, dim));
    bias = register_parameter("bias", torch::zeros({1}));
  }
  torch::Tensor forward(const torch::Tensor& u, const torch::Tensor& i) {
    return (user_emb(u) * item_emb(i)).sum(-1) + bias;
  }
  torch::nn::Embedding user_emb{nullptr}, item_emb{nullptr};
  torch::Tensor bias;
};
TORCH_MODULE(CtrModel);

int main() {
  torch::manual_seed(0);
  CtrModel model(8, 12, 4);
  auto users = torch::randint(0, 8, {32});
  auto items = torch::randint(0, 12, {32});
  auto clicked = (users + items).remainder(3).eq(0).to(torch::kFloat);

  auto click_probability = [&](const torch::Tensor& u, const torch::Tensor& i) {
    return torch::sigmoid(model(u, i));
  };

  torch::nn::BCEWithLogitsLoss bce(
      torch::nn::BCEWithLogitsLossOptions().pos_weight(torch::full({1}, 2.0)));
  torch::optim::Adam opt(model->parameters(), 0.05);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 200; ++epoch) {
    opt.zero_grad();
    loss = bce(click_probability(users, items), clicked);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
