// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=3.04868
#include <torch/torch.h>

#include <iostream>
#include <string>

namespace nn = torch::nn;

struct NextTokenModel : nn::Module {
  NextTokenModel(int64_t vocab, int64_t width) : vocab_size(vocab) {
    embed = register_module("embed", nn::Embedding(vocab, width));
    gru = register_module("gru", nn::GRU(nn::GRUOptions(width, width)));  // sequence-first
    head = register_module("head", nn::Linear(width, vocab));
  }
  // ids: [T, B] -> [T, B, vocab]
  torch::Tensor forward(torch::Tensor ids) {
    torch::Tensor h;
    std::tie(h, std::ignore) = gru->forward(embed->forward(ids));
    return head->forward(h);
  }
  int64_t vocab_size;
  nn::Embedding embed{nullptr};
  nn::GRU gru{nullptr};
  nn::Linear head{nullptr};
};

int main() {
  torch::manual_seed(0);
  auto model = std::make_shared<NextTokenModel>(20, 16);
  auto corpus = torch::randint(0, 20, {9, 3});  // [T, B]
  const auto T = corpus.size(0);

  auto source = corpus.slice(/*dim=*/0, 0, T - 1);  // tokens 0..T-2
  auto target = corpus.slice(/*dim=*/0, 1, T);      // tokens 1..T-1

  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(3e-3));
  torch::nn::CrossEntropyLoss xent;
  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    auto logits = model->forward(source);                       // [T-1, B, V]
    loss = xent(logits.view({-1, model->vocab_size}), target.flatten());
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
