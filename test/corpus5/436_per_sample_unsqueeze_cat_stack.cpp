// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.31524
#include <torch/torch.h>

#include <iostream>
#include <utility>
#include <vector>

constexpr int64_t kClasses = 4;

int main() {
  torch::manual_seed(0);
  // Variable-length recordings are summarised one at a time, so the model sees single samples.
  std::vector<std::pair<torch::Tensor, torch::Tensor>> samples;
  for (int64_t i = 0; i < 6; ++i) {
    auto frames = torch::randn({3 + i, 8});
    samples.emplace_back(frames, torch::scalar_tensor(i % kClasses, torch::kLong));
  }

  torch::nn::Sequential model(torch::nn::Linear(8, 16), torch::nn::ReLU(),
                              torch::nn::Linear(16, kClasses));
  torch::optim::Adam opt(model->parameters(), 1e-2);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 3; ++epoch) {
    std::vector<torch::Tensor> logits_list, target_list;
    for (const auto& sample : samples) {
      auto pooled = sample.first.mean(/*dim=*/0).unsqueeze(0);  // [1, 8]
      logits_list.push_back(model->forward(pooled));            // [1, C]
      target_list.push_back(sample.second);                     // []
    }
    auto logits = torch::cat(logits_list);    // [N, C]
    auto targets = torch::stack(target_list);  // [N]
    opt.zero_grad();
    loss = torch::nn::functional::cross_entropy(logits, targets);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
