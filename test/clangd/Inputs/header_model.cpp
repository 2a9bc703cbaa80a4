#include "classifier.h"

void train() {
  Classifier net;
  torch::nn::CrossEntropyLoss criterion;
  auto loss = criterion(net(torch::randn({8, 10})), torch::randint(0, 3, {8}));
  loss.backward();
}
