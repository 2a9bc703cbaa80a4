// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.51641
#include <torch/torch.h>

#include <iostream>

using torch::Tensor;

struct ProductClassifierImpl : torch::nn::Module {
  explicit ProductClassifierImpl(int64_t categories) {
    emb_ = register_module("emb", torch::nn::EmbeddingBag(
                                      torch::nn::EmbeddingBagOptions(50, 8).mode(torch::kMean)));
    proj_ = register_module("proj", torch::nn::Linear(8, categories));
  }
  Tensor forward(const Tensor& tokens) { return proj_(emb_(tokens)); }

 private:
  torch::nn::EmbeddingBag emb_{nullptr};
  torch::nn::Linear proj_{nullptr};
};
TORCH_MODULE(ProductClassifier);

int main() {
  torch::manual_seed(0);
  const int64_t num_categories = 7;
  const int64_t unlabeled = -1;
  const int64_t batch = 10;

  ProductClassifier clf(num_categories);
  auto tokens = torch::randint(0, 50, {batch, 6});
  // randint's upper bound is exclusive: labels are 0..num_categories-1.
  auto labels = torch::randint(0, num_categories, {batch}, torch::kLong);
  // Every fourth product has no curated category.
  for (int64_t i = 0; i < batch; i += 4) {
    labels[i] = unlabeled;
  }

  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().ignore_index(unlabeled).label_smoothing(0.05));
  torch::optim::Adagrad opt(clf->parameters(), 0.05);
  Tensor loss;
  for (int epoch = 0; epoch < 4; ++epoch) {
    opt.zero_grad();
    loss = criterion(clf(tokens), labels);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
