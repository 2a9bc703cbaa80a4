// The three bugs of the article that started torchlint, in C++ with LibTorch.
// Every function runs (or crashes) on its own; torchlint reports each bug
// before anything runs.
#include <torch/torch.h>

#include <iostream>

// Example 1: a stray unsqueeze makes the input [32, 1, 3] against a [32]
// target. LibTorch throws "Expected target size [32, 3], got [32]".
void dimensionMismatch() {
  torch::nn::Sequential model(torch::nn::Linear(10, 5), torch::nn::ReLU(),
                              torch::nn::Linear(5, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto inputs = torch::randn({32, 10});
  auto targets = torch::randint(0, 3, {32});

  auto outputs = model->forward(inputs).unsqueeze(1);
  auto loss = criterion(outputs, targets);
  std::cout << loss.item<float>() << '\n';
}

// Example 2: a Softmax as the last module. CrossEntropyLoss applies
// log_softmax itself: this runs, but training is crippled.
void redundantSoftmax() {
  torch::nn::Sequential model(torch::nn::Linear(10, 5), torch::nn::ReLU(),
                              torch::nn::Linear(5, 3), torch::nn::Softmax(1));
  torch::nn::CrossEntropyLoss criterion;
  auto inputs = torch::randn({32, 10});
  auto targets = torch::randint(0, 3, {32});

  auto outputs = model->forward(inputs);
  auto loss = criterion(outputs, targets);
  std::cout << loss.item<float>() << '\n';
}

// Example 3: class-index targets stored as floats. LibTorch throws
// "expected scalar type Long but found Float".
void floatTargets() {
  torch::nn::Sequential model(torch::nn::Linear(10, 5), torch::nn::ReLU(),
                              torch::nn::Linear(5, 3));
  torch::nn::CrossEntropyLoss criterion;
  auto inputs = torch::randn({32, 10});
  auto targets = torch::randint(0, 3, {32}).to(torch::kFloat);

  auto outputs = model->forward(inputs);
  auto loss = criterion(outputs, targets);
  std::cout << loss.item<float>() << '\n';
}

int main() {
  redundantSoftmax();
  try {
    dimensionMismatch();
  } catch (const std::exception &E) {
    std::cout << E.what() << '\n';
  }
  try {
    floatTargets();
  } catch (const std::exception &E) {
    std::cout << E.what() << '\n';
  }
}
