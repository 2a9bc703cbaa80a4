#pragma once
#include <torch/torch.h>

// Click-through-rate models shared by the ranking experiments.

struct CtrBatch {
  torch::Tensor user;     // [N, 6]
  torch::Tensor item;     // [N, 6]
  torch::Tensor clicked;  // [N], float 0/1
};

inline CtrBatch make_ctr_batch(int64_t n) {
  auto user = torch::randn({n, 6});
  auto item = torch::randn({n, 6});
  auto affinity = (user * item).sum(1);
  return {user, item, (affinity > 0.5).to(torch::kFloat)};
}

// Two-tower model that outputs a click probability.
struct ClickProbabilityModelImpl : torch::nn::Module {
  ClickProbabilityModelImpl()
      : user_tower(register_module("user_tower", torch::nn::Linear(6, 8))),
        item_tower(register_module("item_tower", torch::nn::Linear(6, 8))) {}
  torch::Tensor forward(const torch::Tensor& user, const torch::Tensor& item) {
    auto score = (user_tower(user) * item_tower(item)).sum(1);
    return torch::sigmoid(score);
  }
  torch::nn::Linear user_tower, item_tower;
};
TORCH_MODULE(ClickProbabilityModel);

// Two-tower model that outputs raw scores; probabilities on request.
struct ClickScorerImpl : torch::nn::Module {
  ClickScorerImpl()
      : user_tower(register_module("user_tower", torch::nn::Linear(6, 8))),
        item_tower(register_module("item_tower", torch::nn::Linear(6, 8))) {}
  torch::Tensor forward(const torch::Tensor& user, const torch::Tensor& item) {
    return (user_tower(user) * item_tower(item)).sum(1);
  }
  torch::Tensor probability(const torch::Tensor& user, const torch::Tensor& item) {
    return torch::sigmoid(forward(user, item));
  }
  torch::nn::Linear user_tower, item_tower;
};
TORCH_MODULE(ClickScorer);
