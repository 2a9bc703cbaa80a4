// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.58532
#include <torch/torch.h>

#include <iostream>

#include "train_utils.h"

// Smoke test of the survey-response classifier on random answers.
struct SurveyConfig {
  int64_t questions = 8;
  int64_t segments = 5;
  int64_t respondents = 50;
};

int main() {
  torch::manual_seed(0);
  SurveyConfig survey;
  auto answers = torch::randint(1, 6, {survey.respondents, survey.questions}).to(torch::kFloat) / 5.0;
  auto segment = torch::randint(survey.segments, {survey.respondents}, torch::kLong);

  torch::nn::Sequential model(torch::nn::Linear(survey.questions, 12), torch::nn::ReLU(),
                              torch::nn::Linear(12, survey.segments),
                              torch::nn::LogSoftmax(torch::nn::LogSoftmaxOptions(-1)));
  torch::nn::NLLLoss criterion(torch::nn::NLLLossOptions().reduction(torch::kSum));

  OptimConfig cfg;
  cfg.lr = 5e-3;
  cfg.epochs = 4;
  cfg.batch_size = 10;
  auto optimizer = make_adam(*model, cfg);
  LossMeter meter;
  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {
    meter.reset();
    auto xs = answers.split(cfg.batch_size);
    auto ys = segment.split(cfg.batch_size);
    for (size_t b = 0; b < xs.size(); ++b) {
      optimizer.zero_grad();
      auto loss = criterion(model->forward(xs[b]), ys[b]);
      loss.backward();
      optimizer.step();
      meter.add(loss / xs[b].size(0), xs[b].size(0));
    }
    log_epoch("survey", epoch, meter.mean());
  }
  std::cout << "final loss=" << meter.mean() << "\n";
  return 0;
}
