// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=28.4667
#include <torch/torch.h>

#include <iostream>

using torch::Tensor;

struct ToxicityModelImpl : torch::nn::Module {
  ToxicityModelImpl(int64_t vocab, int64_t labels) {
    bag = register_module("bag", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(vocab, 16)));
    fc = register_module("fc", torch::nn::Linear(16, labels));
  }
  Tensor forward(const Tensor& ids) { return fc(bag(ids)); }  // raw scores

  Tensor predict(const Tensor& ids, double threshold = 0.5) {
    torch::NoGradGuard no_grad;
    return torch::sigmoid(forward(ids)).gt(threshold);
  }

  torch::nn::EmbeddingBag bag{nullptr};
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(ToxicityModel);

double micro_f1(const Tensor& pred, const Tensor& gold) {
  auto tp = (pred & gold).sum().item<double>();
  auto fp = (pred & ~gold).sum().item<double>();
  auto fn = (~pred & gold).sum().item<double>();
  return tp == 0 ? 0.0 : 2 * tp / (2 * tp + fp + fn);
}

int main() {
  torch::manual_seed(0);
  // labels: toxic, insult, threat
  ToxicityModel model(80, 3);
  auto comments = torch::randint(0, 80, {10, 12});
  auto gold = torch::rand({10, 3}) > 0.7;

  torch::nn::BCEWithLogitsLoss criterion(torch::nn::BCEWithLogitsLossOptions()
                                             .pos_weight(torch::tensor({1.0, 2.0, 5.0}))
                                             .reduction(torch::kSum));
  torch::optim::Adam opt(model->parameters(), 0.01);
  Tensor loss;
  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    loss = criterion(model(comments), gold.to(torch::kFloat));
    loss.backward();
    opt.step();
  }
  std::cout << "f1 " << micro_f1(model->predict(comments), gold) << "\n";
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
