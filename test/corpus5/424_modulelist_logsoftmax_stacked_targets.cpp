// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=2.21608
#include <torch/torch.h>

#include <iostream>

namespace nn = torch::nn;

enum Task : int64_t { kGenre = 0, kMood = 1, kNumTasks = 2 };
constexpr int64_t kTaskClasses[kNumTasks] = {6, 3};

struct MusicTaggerImpl : nn::Module {
  MusicTaggerImpl() {
    encoder = register_module("encoder", nn::Linear(16, 24));
    heads = register_module("heads", nn::ModuleList());
    for (int64_t t = 0; t < kNumTasks; ++t) {
      heads->push_back(nn::Sequential(nn::Linear(24, kTaskClasses[t]), nn::LogSoftmax(1)));
    }
  }
  torch::Tensor head_forward(int64_t task, const torch::Tensor& x) {
    return heads[task]->as<nn::Sequential>()->forward(torch::tanh(encoder(x)));
  }
  nn::Linear encoder{nullptr};
  nn::ModuleList heads{nullptr};
};
TORCH_MODULE(MusicTagger);

int main() {
  torch::manual_seed(0);
  auto clips = torch::randn({8, 16});
  auto genre = torch::randint(0, kTaskClasses[kGenre], {8});
  auto mood = torch::randint(0, kTaskClasses[kMood], {8});
  auto targets = torch::stack({genre, mood}, /*dim=*/1);  // [8, kNumTasks]

  MusicTagger tagger;
  torch::optim::SGD opt(tagger->parameters(), 0.1);
  torch::Tensor loss;
  for (int it = 0; it < 3; ++it) {
    opt.zero_grad();
    loss = torch::zeros({});
    for (int64_t t = 0; t < kNumTasks; ++t) {
      auto log_probs = tagger->head_forward(t, clips);
      loss = loss + torch::nn::functional::nll_loss(log_probs, targets.select(1, t));
    }
    loss.backward();
    opt.step();
  }
  auto mood_conf = tagger->head_forward(kMood, clips).exp().max();
  std::cout << "max mood prob=" << mood_conf.item<float>() << "\n";
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
