// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.384224
#include <torch/torch.h>

#include <iostream>

namespace F = torch::nn::functional;

struct IntentNetImpl : torch::nn::Module {
  IntentNetImpl(int64_t vocab, int64_t intents)
      : embed(register_module("embed", torch::nn::Embedding(vocab, 12))),
        rnn(register_module("rnn", torch::nn::GRU(torch::nn::GRUOptions(12, 16).batch_first(true)))),
        out(register_module("out", torch::nn::Linear(16, intents))) {}

  torch::Tensor forward(const torch::Tensor& ids) {
    auto seq = std::get<0>(rnn(embed(ids)));
    return out(seq.select(1, -1));
  }

  torch::nn::Embedding embed;
  torch::nn::GRU rnn;
  torch::nn::Linear out;
};
TORCH_MODULE(IntentNet);

auto log_probs_of(IntentNet& net, const torch::Tensor& ids) {
  return F::log_softmax(net(ids), F::LogSoftmaxFuncOptions(1));
}

// Mean predictive entropy, used to decide which utterances to send for labeling.
auto predictive_entropy(const torch::Tensor& logp) {
  auto p = logp.exp();
  return -(p * logp).sum(1).mean();
}

int main() {
  torch::manual_seed(0);
  IntentNet net(40, 5);
  auto ids = torch::randint(0, 40, {6, 7});
  auto intents = torch::tensor({4, 0, 2, 2, 1, 3});

  torch::optim::RMSprop opt(net->parameters(), torch::optim::RMSpropOptions(0.01));
  torch::Tensor loss;
  for (int i = 0; i < 3; ++i) {
    auto logp = log_probs_of(net, ids);
    loss = F::nll_loss(logp, intents);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  {
    torch::NoGradGuard guard;
    auto softmax_check = torch::softmax(net(ids), 1).sum(1);
    std::cout << "entropy " << predictive_entropy(log_probs_of(net, ids)).item<float>()
              << ", rows sum to " << softmax_check.mean().item<float>() << "\n";
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
