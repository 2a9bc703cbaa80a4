// LABEL: torch-float-class-target
// LINE: 41
// RUNTIME: expected scalar type Long but found Int
#include <torch/torch.h>

#include <cstdint>
#include <iostream>
#include <vector>

// Labels come back from a legacy C API as int32.
extern "C" void legacy_fill_labels(int32_t* out, int n, int classes) {
  for (int i = 0; i < n; ++i) out[i] = (i * 7 + 3) % classes;
}

class Perceptron : public torch::nn::Module {
 public:
  Perceptron(int64_t in, int64_t hidden, int64_t classes)
      : hidden_(register_module("hidden", torch::nn::Linear(in, hidden))),
        out_(register_module("out", torch::nn::Linear(hidden, classes))) {}
  torch::Tensor forward(torch::Tensor x) { return out_->forward(torch::sigmoid(hidden_->forward(x))); }

 private:
  torch::nn::Linear hidden_, out_;
};

int main() {
  torch::manual_seed(0);
  const int n = 24, classes = 4;
  std::vector<int32_t> buf(n);
  legacy_fill_labels(buf.data(), n, classes);

  auto labels = torch::from_blob(buf.data(), {n}, torch::kInt32).to(torch::kLong);
  auto features = torch::randn({n, 5}) + labels.unsqueeze(1).to(torch::kFloat);
  labels = labels.to(torch::kInt32);

  Perceptron model(5, 8, classes);
  torch::optim::SGD opt(model.parameters(), torch::optim::SGDOptions(0.5));
  namespace F = torch::nn::functional;
  for (int i = 0; i < 20; ++i) {
    opt.zero_grad();
    auto loss = F::cross_entropy(model.forward(features), labels, F::CrossEntropyFuncOptions().reduction(torch::kSum));
    loss.backward();
    opt.step();
    if (i % 5 == 0) std::cout << "loss=" << loss.item<float>() << "\n";
  }
}
