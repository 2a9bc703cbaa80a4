// LABEL: torch-softmax-before-cross-entropy
// LINE: 52
// RUNTIME: ran, loss=0.926643
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

struct TrainConfig {
  bool calibrate = true;
  double temperature = 1.5;
  int epochs = 40;
  double lr = 0.02;
};

class TopicClassifierImpl : public nn::Module {
 public:
  explicit TopicClassifierImpl(int64_t topics);
  torch::Tensor forward(const torch::Tensor& tfidf);

 private:
  nn::Linear hidden_{nullptr}, out_{nullptr};
};
TORCH_MODULE(TopicClassifier);

TopicClassifierImpl::TopicClassifierImpl(int64_t topics) {
  hidden_ = register_module("hidden", nn::Linear(20, 32));
  out_ = register_module("out", nn::Linear(32, topics));
}

torch::Tensor TopicClassifierImpl::forward(const torch::Tensor& tfidf) {
  return out_(torch::relu(hidden_(tfidf)));
}

int main() {
  torch::manual_seed(0);
  const int64_t topics = 4;
  TrainConfig cfg;
  auto tfidf = torch::rand({60, 20});
  auto topic = tfidf.slice(1, 0, topics).argmax(1);

  TopicClassifier model(topics);
  nn::CrossEntropyLoss criterion;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(cfg.lr));
  torch::Tensor loss;
  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {
    opt.zero_grad();
    torch::Tensor scores = model(tfidf);
    if (cfg.calibrate) {
      scores = torch::softmax(scores / cfg.temperature, 1);
    }
    loss = criterion(scores, topic);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
