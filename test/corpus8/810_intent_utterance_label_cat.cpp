// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.11807
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
    {"greet", 0}, {"book", 1}, {"cancel", 2}, {"ask_price", 3}, {"other", 4}};

std::vector<Utterance> make_utterances(int64_t n) {
  std::vector<Utterance> out;
  const char* names[] = {"greet", "book", "cancel", "ask_price", "other"};
  for (int64_t i = 0; i < n; ++i) {
    auto v = torch::randn({8});
    v[i % 5] += 1.5;
    std::vector<float> f(v.data_ptr<float>(), v.data_ptr<float>() + 8);
    out.push_back({f, names[i % 5]});
  }
  return out;
}

int main() {
  torch::manual_seed(0);
  auto data = make_utterances(40);

  // One-element label tensors, concatenated (not stacked) into [N].
  std::vector<torch::Tensor> rows, labels;
  for (const auto& u : data) {
    rows.push_back(torch::tensor(u.features).unsqueeze(0));
    labels.push_back(torch::tensor(kIntentIds.at(u.intent)).unsqueeze(0));
  }
  auto x = torch::cat(rows, 0);
  auto y = torch::cat(labels, 0);

  nn::Sequential model(nn::Linear(8, 16), nn::Tanh(), nn::Linear(16, 5));
  nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(model->parameters(), torch::optim::SGDOptions(0.1));

  torch::Tensor loss;
  for (int epoch = 0; epoch < 25; ++epoch) {
    opt.zero_grad();
    loss = criterion(model->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
