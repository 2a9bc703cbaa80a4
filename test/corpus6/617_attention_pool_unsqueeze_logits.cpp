// LABEL: torch-stray-unsqueeze
// LINE: 46
// RUNTIME: Expected target size [4, 5], got [4]
#include <torch/torch.h>

#include <iostream>

using namespace torch;

// Multiple-instance classifier: a bag of patch embeddings -> one of 5 grades.
struct AttentionPoolImpl : nn::Module {
  explicit AttentionPoolImpl(int64_t dim) : score(register_module("score", nn::Linear(dim, 1))) {}
  // bag: [B, P, D] -> [B, D]
  Tensor forward(const Tensor& bag) {
    auto w = torch::softmax(score(bag).squeeze(-1), 1);   // attention weights over patches
    return (w.unsqueeze(-1) * bag).sum(1);
  }
  nn::Linear score;
};
TORCH_MODULE(AttentionPool);

struct GradeModelImpl : nn::Module {
  GradeModelImpl(int64_t dim, int64_t grades) {
    pool = register_module("pool", AttentionPool(dim));
    norm = register_module("norm", nn::LayerNorm(nn::LayerNormOptions({dim})));
    head = register_module("head", nn::Linear(dim, grades));
  }
  Tensor forward(const Tensor& bag) {
    auto pooled = pool(bag);
    // restore the token axis so LayerNorm and the head see [B, 1, D]
    return head(norm(pooled.unsqueeze(1)));
  }
  AttentionPool pool{nullptr};
  nn::LayerNorm norm{nullptr};
  nn::Linear head{nullptr};
};
TORCH_MODULE(GradeModel);

int main() {
  torch::manual_seed(0);
  GradeModel model(16, 5);
  auto bags = torch::randn({4, 9, 16});
  auto grades = torch::tensor({0, 4, 2, 1}, kLong);

  optim::AdamW opt(model->parameters(), optim::AdamWOptions(1e-3).weight_decay(0.01));
  auto loss = nn::functional::cross_entropy(model(bags), grades);
  opt.zero_grad();
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
