// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.724486
#include <torch/torch.h>

#include <iostream>

class IntentClassifierImpl : public torch::nn::Module {
 public:
  IntentClassifierImpl(int64_t vocab, int64_t dim, int64_t n_intents)
      : bag_(register_module("bag", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(vocab, dim)
                                                                 .mode(torch::kMean)))),
        out_(register_module("out", torch::nn::Linear(dim, n_intents))) {}

  torch::Tensor forward(const torch::Tensor& tokens) {
    auto logits = out_->forward(bag_->forward(tokens));
    if (!is_training()) {
      return torch::softmax(logits, 1);
    }
    return logits;
  }

 private:
  torch::nn::EmbeddingBag bag_;
  torch::nn::Linear out_;
};
TORCH_MODULE(IntentClassifier);

int main() {
  torch::manual_seed(0);
  const int64_t vocab = 40, n_intents = 4;
  IntentClassifier model(vocab, 12, n_intents);
  torch::nn::CrossEntropyLoss ce;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(2e-2));

  auto utterances = torch::randint(0, vocab, {24, 6});
  auto intents = std::get<0>(utterances.min(1)) % n_intents;

  model->train();
  torch::Tensor loss;
  for (int epoch = 0; epoch < 15; ++epoch) {
    opt.zero_grad();
    loss = ce(model->forward(utterances), intents);
    loss.backward();
    opt.step();
  }
  std::cout << "train loss=" << loss.item<float>() << "\n";

  model->eval();
  torch::NoGradGuard no_grad;
  torch::nn::Sequential ranker(torch::nn::Linear(n_intents, n_intents), torch::nn::Softmax(1));
  auto probs = model->forward(utterances.slice(0, 0, 3));
  std::cout << "probs:\n" << probs << "\n" << ranker->forward(probs).sum(1) << "\n";
}
