// LABEL: torch-softmax-before-nll-loss
// LINE: 29
// RUNTIME: ran, loss=-6.81694
#include <torch/torch.h>
#include <iostream>

namespace F = torch::nn::functional;

int main() {
  torch::manual_seed(0);
  const int64_t num_genres = 4;

  torch::nn::Sequential model;
  model->push_back(torch::nn::Linear(40, 64));
  model->push_back(torch::nn::ReLU());
  model->push_back(torch::nn::Dropout(0.2));
  model->push_back(torch::nn::Linear(64, num_genres));
  model->push_back(torch::nn::Softmax(1));

  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-3));

  auto spectra = torch::randn({24, 40});
  auto genre = torch::randint(0, num_genres, {24});

  torch::Tensor loss;
  for (int epoch = 0; epoch < 6; ++epoch) {
    opt.zero_grad();
    auto out = model->forward(spectra);
    loss = F::nll_loss(out, genre, F::NLLLossFuncOptions().reduction(torch::kSum));
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
