// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.40127
#include <torch/torch.h>

#include <iostream>

namespace nn = torch::nn;

struct IntentModelImpl : nn::Module {
  IntentModelImpl(int64_t in, int64_t hidden, int64_t intents) {
    blocks = register_module("blocks", nn::ModuleDict());
    blocks->update({
        {"encoder", nn::Linear(in, hidden).ptr()},
        {"logits", nn::Linear(hidden, intents).ptr()},
        {"probs", nn::Functional([](torch::Tensor t) { return torch::softmax(t, 1); }).ptr()},
    });
  }

  torch::Tensor forward(torch::Tensor x) {
    auto h = torch::relu(blocks["encoder"]->as<nn::Linear>()->forward(x));
    return blocks["logits"]->as<nn::Linear>()->forward(h);
  }

  torch::Tensor confidence(torch::Tensor x) {
    return blocks["probs"]->as<nn::Functional>()->forward(forward(x));
  }

  nn::ModuleDict blocks{nullptr};
};
TORCH_MODULE(IntentModel);

int main() {
  torch::manual_seed(0);
  constexpr int64_t kIntents = 5;
  IntentModel model(20, 32, kIntents);
  nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(model->parameters(), 0.1);

  auto utterances = torch::randn({10, 20});
  auto intents = torch::randint(0, kIntents, {10});

  torch::Tensor loss;
  for (int it = 0; it < 5; ++it) {
    opt.zero_grad();
    loss = criterion(model->forward(utterances), intents);
    loss.backward();
    opt.step();
  }
  torch::NoGradGuard no_grad;
  auto conf = model->confidence(utterances);
  std::cout << "low-confidence utterances: "
            << (std::get<0>(conf.max(1)) < 0.5).sum().item<int64_t>() << "\n";
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
