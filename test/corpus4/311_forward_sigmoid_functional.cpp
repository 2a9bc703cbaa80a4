// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 37
// RUNTIME: ran, loss=0.842316
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

class SpamFilterImpl : public torch::nn::Module {
 public:
  SpamFilterImpl(int64_t vocab_size, int64_t hidden)
      : fc1_(register_module("fc1", torch::nn::Linear(vocab_size, hidden))),
        fc2_(register_module("fc2", torch::nn::Linear(hidden, 1))) {}

  torch::Tensor forward(const torch::Tensor& bag_of_words) {
    auto h = torch::relu(fc1_->forward(bag_of_words));
    return torch::sigmoid(fc2_->forward(h)).squeeze(1);  // P(spam)
  }

 private:
  torch::nn::Linear fc1_, fc2_;
};
TORCH_MODULE(SpamFilter);

int main() {
  torch::manual_seed(0);
  SpamFilter model(50, 16);
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(5e-3));

  auto docs = (torch::rand({32, 50}) > 0.8).to(torch::kFloat);
  auto is_spam = (docs.slice(1, 0, 5).sum(1) > 1).to(torch::kFloat);

  torch::Tensor loss;
  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    auto p_spam = model(docs);
    loss = F::binary_cross_entropy_with_logits(p_spam, is_spam);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
