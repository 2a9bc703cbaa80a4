// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 43
// RUNTIME: Expected input batch_size (30) to match target batch_size (29).
#include <torch/torch.h>

#include <iostream>

// Predict the market regime (0 = down, 1 = flat, 2 = up) of the next time step.
struct RegimeLSTM : torch::nn::Module {
  RegimeLSTM(int64_t n_features, int64_t hidden, int64_t n_regimes) {
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(n_features, hidden)));
    head = register_module("head", torch::nn::Linear(hidden, n_regimes));
  }
  // series: [T, 1, F] -> logits [T, n_regimes]
  torch::Tensor forward(const torch::Tensor& series) {
    auto out = std::get<0>(lstm->forward(series));
    return head->forward(out.squeeze(1));
  }
  torch::nn::LSTM lstm{nullptr};
  torch::nn::Linear head{nullptr};
};

torch::Tensor regimes_from_returns(const torch::Tensor& returns) {
  auto r = torch::zeros(returns.sizes(), torch::kLong) + 1;
  r.masked_fill_(returns < -0.2, 0);
  r.masked_fill_(returns > 0.2, 2);
  return r;
}

int main() {
  torch::manual_seed(0);
  const int64_t T = 30;
  auto returns = 0.5 * torch::randn({T});
  auto series = torch::stack({returns, returns.abs()}, 1).unsqueeze(1);  // [T, 1, 2]
  auto regimes = regimes_from_returns(returns);

  RegimeLSTM net(2, 12, 3);
  torch::optim::Adam opt(net.parameters(), torch::optim::AdamOptions(1e-2));
  for (int epoch = 0; epoch < 5; ++epoch) {
    opt.zero_grad();
    auto logits = net.forward(series);
    auto next = regimes.slice(0, 1);
    auto loss = torch::nn::functional::cross_entropy(logits, next);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
