// LABEL: torch-float-class-target
// LINE: 47
// RUNTIME: expected scalar type Long but found Float
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

// Age-group prediction from face embeddings: 0-14, 15-29, ..., 75+.
constexpr double kBucketWidth = 15.0;
constexpr int64_t kBuckets = 6;

auto age_bucket(const torch::Tensor& ages) {
  return torch::floor(ages / kBucketWidth).clamp(0, kBuckets - 1);
}

class AgeNetImpl : public torch::nn::Module {
 public:
  explicit AgeNetImpl(int64_t embedding_dim)
      : fc_(embedding_dim, 32), out_(32, kBuckets) {
    register_module("fc", fc_);
    register_module("out", out_);
  }

  torch::Tensor forward(const torch::Tensor& emb) {
    return F::log_softmax(out_(torch::gelu(fc_(emb))), F::LogSoftmaxFuncOptions(-1));
  }

 private:
  torch::nn::Linear fc_;
  torch::nn::Linear out_;
};
TORCH_MODULE(AgeNet);

int main() {
  torch::manual_seed(0);
  auto ages = torch::rand({40}) * 90.0;
  auto embeddings = torch::randn({40, 16}) + (ages / 45.0).unsqueeze(1);
  auto groups = age_bucket(ages);

  AgeNet net(16);
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-2));
  for (int epoch = 0; epoch < 10; ++epoch) {
    optimizer.zero_grad();
    auto log_probs = net(embeddings);
    auto loss = torch::nll_loss(log_probs, groups);
    loss.backward();
    optimizer.step();
  }
  std::cout << "done\n";
  return 0;
}
