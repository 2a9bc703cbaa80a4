// LABEL: torch-stray-unsqueeze
// LINE: 51
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace nn = torch::nn;

struct Utterance {
  std::vector<float> features;
  std::string intent;
};

static const std::map<std::string, int64_t> kIntentIds = {
    {"greet", 0}, {"book", 1}, {"cancel", 2}, {"ask_price", 3}};

std::vector<Utterance> make_utterances(int64_t n) {
  std::vector<Utterance> out;
  const char* names[] = {"greet", "book", "cancel", "ask_price"};
  for (int64_t i = 0; i < n; ++i) {
    auto v = torch::randn({6});
    v[i % 4] += 2.0;
    std::vector<float> f(v.data_ptr<float>(), v.data_ptr<float>() + 6);
    out.push_back({f, names[i % 4]});
  }
  return out;
}

int main() {
  torch::manual_seed(0);
  auto data = make_utterances(32);

  std::vector<torch::Tensor> rows, labels;
  for (const auto& u : data) {
    rows.push_back(torch::tensor(u.features));
    labels.push_back(torch::tensor(kIntentIds.at(u.intent)).unsqueeze(0));
  }
  auto x = torch::stack(rows);
  auto y = torch::stack(labels);

  nn::Sequential model(nn::Linear(6, 16), nn::ReLU(), nn::Linear(16, 4));
  nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 20; ++epoch) {
    opt.zero_grad();
    loss = criterion(model->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
