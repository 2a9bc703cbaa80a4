// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.26845
#include <torch/torch.h>
#include <iostream>

class IntentModelImpl : public torch::nn::Module {
 public:
  IntentModelImpl(int64_t in, int64_t classes)
      : enc_(register_module("enc", torch::nn::Linear(in, 16))),
        cls_(register_module("cls", torch::nn::Linear(16, classes))),
        drop_(register_module("drop", torch::nn::Dropout(0.1))) {}

  torch::Tensor forward(torch::Tensor x) {
    auto z = cls_(drop_(torch::relu(enc_(x))));
    if (!is_training()) {
      return torch::softmax(z, -1);
    }
    return z;
  }

 private:
  torch::nn::Linear enc_, cls_;
  torch::nn::Dropout drop_;
};
TORCH_MODULE(IntentModel);

int main() {
  torch::manual_seed(0);
  IntentModel model(5, 4);
  torch::nn::CrossEntropyLoss loss_fn;
  torch::optim::Adam opt(model->parameters(), 0.01);
  auto x = torch::randn({8, 5});
  auto y = torch::randint(0, 4, {8}, torch::kLong);

  model->train();
  torch::Tensor loss;
  for (int i = 0; i < 3; ++i) {
    opt.zero_grad();
    loss = loss_fn(model(x), y);
    loss.backward();
    opt.step();
  }

  model->eval();
  torch::NoGradGuard no_grad;
  auto probs = model(x);
  std::cout << "pred=" << probs.argmax(-1)[0].item<int64_t>() << std::endl;
  std::cout << "loss=" << loss.item<float>() << std::endl;
  return 0;
}
