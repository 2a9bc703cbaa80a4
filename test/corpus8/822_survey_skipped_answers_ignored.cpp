// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.25433
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

struct Survey {
  static constexpr int64_t kAnswers = 5;    // Likert 0..4
  static constexpr int64_t kSkipped = 99;   // questionnaire code for "no answer"
};

int main() {
  torch::manual_seed(0);
  const int64_t respondents = 40;
  auto profile = torch::randn({respondents, 6});
  auto answer = torch::bucketize(profile.select(1, 0), torch::tensor({-1.0f, -0.3f, 0.3f, 1.0f}));
  auto skipped = torch::rand({respondents}) < 0.2;
  answer.masked_fill_(skipped, Survey::kSkipped);

  nn::Sequential model(nn::Linear(6, 12), nn::ReLU(), nn::Linear(12, Survey::kAnswers));
  nn::CrossEntropyLoss criterion(nn::CrossEntropyLossOptions().ignore_index(Survey::kSkipped));
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(0.02));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 40; ++epoch) {
    opt.zero_grad();
    loss = criterion(model->forward(profile), answer);
    loss.backward();
    opt.step();
  }
  std::cout << "skipped " << skipped.sum().item<int64_t>() << " final loss "
            << loss.item<float>() << std::endl;
}
