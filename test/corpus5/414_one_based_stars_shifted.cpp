// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.46256
#include <torch/torch.h>

#include <iostream>

constexpr int64_t kStars = 5;

int main() {
  torch::manual_seed(0);
  // Ratings are 1..5 stars; the classifier predicts a star count.
  auto stars = torch::arange(1, kStars + 1).repeat({2});
  auto target = stars - 1;
  auto reviews = torch::randn({stars.size(0), 9});

  torch::nn::Sequential model(torch::nn::Linear(9, 12), torch::nn::ReLU(),
                              torch::nn::Linear(12, kStars));
  torch::nn::CrossEntropyLoss criterion(
      torch::nn::CrossEntropyLossOptions().label_smoothing(0.05));
  torch::optim::Adam opt(model->parameters(), 1e-2);

  torch::Tensor loss;
  for (int it = 0; it < 4; ++it) {
    opt.zero_grad();
    loss = criterion(model->forward(reviews), target);
    loss.backward();
    opt.step();
  }
  auto predicted_stars = model->forward(reviews).argmax(1) + 1;
  std::cout << "mean predicted stars=" << predicted_stars.to(torch::kFloat).mean().item<float>()
            << "\n";
  std::cout << "loss=" << loss.item<float>() << std::endl;
}
