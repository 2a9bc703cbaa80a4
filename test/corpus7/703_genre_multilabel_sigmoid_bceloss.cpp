// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.21414
#include <torch/torch.h>

#include <array>
#include <iostream>
#include <string>

// Movie genres from plot keywords (a film can be several genres at once).
const std::array<std::string, 4> kGenres = {"comedy", "drama", "horror", "romance"};

torch::nn::Sequential make_genre_model(int64_t vocab) {
  torch::nn::Sequential model;
  model->push_back(torch::nn::Linear(vocab, 16));
  model->push_back(torch::nn::ReLU());
  model->push_back(torch::nn::Linear(16, static_cast<int64_t>(kGenres.size())));
  model->push_back(torch::nn::Sigmoid());
  return model;
}

int main() {
  torch::manual_seed(0);
  const int64_t vocab = 12;
  auto keywords = (torch::rand({40, vocab}) > 0.6).to(torch::kFloat);
  auto genres = (keywords.narrow(1, 0, 4) + keywords.narrow(1, 4, 4) > 1.0).to(torch::kFloat);

  auto model = make_genre_model(vocab);
  torch::nn::BCELoss criterion(
      torch::nn::BCELossOptions().weight(torch::tensor({1.0, 1.0, 2.0, 1.5})));
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(2e-2));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 40; ++epoch) {
    optimizer.zero_grad();
    auto genre_probs = model->forward(keywords);
    loss = criterion(genre_probs, genres);
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
