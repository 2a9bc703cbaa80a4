// LABEL: torch-stray-unsqueeze
// LINE: 41
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>

#include <iostream>
#include <vector>

struct Review {
  std::vector<float> features;
  int64_t rating;  // 0..4
};

constexpr int64_t kRatings = 5;

int main() {
  torch::manual_seed(0);

  std::vector<Review> reviews;
  for (int i = 0; i < 10; ++i) {
    Review r;
    for (int j = 0; j < 6; ++j) {
      r.features.push_back(static_cast<float>((i * 7 + j * 3) % 11) / 11.0f);
    }
    r.rating = (i * 3) % kRatings;
    reviews.push_back(r);
  }

  std::vector<torch::Tensor> xs, ys;
  for (const auto& r : reviews) {
    xs.push_back(torch::tensor(r.features));
    ys.push_back(torch::tensor(r.rating).unsqueeze(0));
  }
  auto x = torch::stack(xs);
  auto y = torch::stack(ys);

  torch::nn::Linear head(6, kRatings);
  torch::optim::Adam opt(head->parameters(), 1e-2);
  for (int epoch = 0; epoch < 3; ++epoch) {
    opt.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(head(x), y);
    loss.backward();
    opt.step();
    std::cout << "epoch " << epoch << " loss=" << loss.item<float>() << std::endl;
  }
}
