// LABEL: torch-stray-unsqueeze
// LINE: 37
// RUNTIME: Expected input batch_size (1) to match target batch_size (4).
#include <torch/torch.h>
#include <iostream>

constexpr int64_t kIntents = 6;

struct IntentNetImpl : torch::nn::Module {
  IntentNetImpl() {
    gru = register_module("gru", torch::nn::GRU(torch::nn::GRUOptions(8, 16).batch_first(true)));
    out = register_module("out", torch::nn::Linear(16, kIntents));
  }
  // utterances: [B, T, 8] -> logits [B, kIntents]
  torch::Tensor forward(const torch::Tensor& utterances) {
    auto h_n = std::get<1>(gru(utterances));  // [1, B, 16]
    return out(h_n.squeeze(0));
  }
  torch::nn::GRU gru{nullptr};
  torch::nn::Linear out{nullptr};
};
TORCH_MODULE(IntentNet);

// Adds the batch dimension expected by the loss.
torch::Tensor as_batch(const torch::Tensor& logits) { return logits.unsqueeze(0); }

int main() {
  torch::manual_seed(0);
  IntentNet model;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-3));

  auto utterances = torch::randn({4, 5, 8});
  auto intents = torch::tensor({0, 3, 5, 1});

  opt.zero_grad();
  auto logits = model(utterances);
  auto loss = torch::nn::functional::cross_entropy(as_batch(logits), intents);
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
