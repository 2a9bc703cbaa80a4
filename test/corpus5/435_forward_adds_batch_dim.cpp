// LABEL: torch-stray-unsqueeze
// LINE: 39
// RUNTIME: Expected input batch_size (1) to match target batch_size (4).
#include <torch/torch.h>

#include <iostream>
#include <utility>
#include <vector>

constexpr int64_t kKeywords = 3;

// First written for the on-device demo, which scores one feature vector at a time.
struct KeywordSpotterImpl : torch::nn::Module {
  KeywordSpotterImpl()
      : fc1(register_module("fc1", torch::nn::Linear(20, 16))),
        fc2(register_module("fc2", torch::nn::Linear(16, kKeywords))) {}
  torch::Tensor forward(torch::Tensor features) {
    auto x = features.unsqueeze(0);  // add the batch dimension
    return fc2(torch::relu(fc1(x)));
  }
  torch::nn::Linear fc1, fc2;
};
TORCH_MODULE(KeywordSpotter);

int main() {
  torch::manual_seed(0);
  auto all_x = torch::randn({8, 20});
  auto all_y = torch::randint(0, kKeywords, {8});
  std::vector<std::pair<torch::Tensor, torch::Tensor>> batches;
  auto x_chunks = all_x.chunk(2);
  auto y_chunks = all_y.chunk(2);
  for (size_t i = 0; i < x_chunks.size(); ++i) batches.emplace_back(x_chunks[i], y_chunks[i]);

  KeywordSpotter model;
  torch::optim::SGD opt(model->parameters(), 0.05);
  torch::nn::CrossEntropyLoss criterion;
  for (auto& [x, y] : batches) {
    opt.zero_grad();
    auto loss = criterion(model->forward(x), y);
    loss.backward();
    opt.step();
    std::cout << "loss=" << loss.item<float>() << std::endl;
  }
}
