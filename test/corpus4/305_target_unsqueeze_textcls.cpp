// LABEL: torch-stray-unsqueeze
// LINE: 33
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>
#include <iostream>

struct TextClassifierImpl : torch::nn::Module {
  TextClassifierImpl(int64_t vocab, int64_t dim, int64_t classes)
      : emb(register_module("emb", torch::nn::Embedding(vocab, dim))),
        out(register_module("out", torch::nn::Linear(dim, classes))) {}

  // tokens: [B, T] -> logits [B, classes] (mean-pooled bag of embeddings)
  torch::Tensor forward(const torch::Tensor& tokens) {
    return out(emb(tokens).mean(1));
  }

  torch::nn::Embedding emb;
  torch::nn::Linear out;
};
TORCH_MODULE(TextClassifier);

int main() {
  torch::manual_seed(0);
  TextClassifier model(100, 16, 5);
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-3));

  auto tokens = torch::randint(0, 100, {8, 12});
  auto labels = torch::randint(0, 5, {8});

  opt.zero_grad();
  auto logits = model(tokens);
  auto target = labels.unsqueeze(1);  // column vector of labels
  auto loss = torch::nn::functional::cross_entropy(logits, target);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
