// LABEL: torch-softmax-before-cross-entropy
// LINE: 64
// RUNTIME: ran, loss=0.944418
#include <torch/torch.h>

#include <iostream>

namespace nn = torch::nn;

// A plain encoder + classifier; other projects reuse it as a base class.
struct EncoderClassifierImpl : nn::Module {
  EncoderClassifierImpl(int64_t in_features, int64_t num_classes)
      : encoder(register_module("encoder", nn::Linear(in_features, 32))),
        classifier(register_module("classifier", nn::Linear(32, num_classes))) {}

  virtual torch::Tensor forward(torch::Tensor x) {
    return classifier(torch::gelu(encoder(x)));
  }

  nn::Linear encoder;
  nn::Linear classifier;
};

// "Calibrated" variant: normalizes the scores so that downstream code
// can read them as probabilities.
struct CalibratedClassifierImpl : EncoderClassifierImpl {
  CalibratedClassifierImpl(int64_t in_features, int64_t num_classes)
      : EncoderClassifierImpl(in_features, num_classes) {}

  torch::Tensor forward(torch::Tensor x) override {
    auto scores = EncoderClassifierImpl::forward(x);
    return scores.softmax(/*dim=*/-1);
  }
};
TORCH_MODULE(CalibratedClassifier);

class ToyDocs : public torch::data::datasets::Dataset<ToyDocs> {
 public:
  ToyDocs() : x_(torch::randn({20, 10})), y_(torch::randint(0, 5, {20})) {}
  torch::data::Example<> get(size_t i) override {
    return {x_[static_cast<int64_t>(i)], y_[static_cast<int64_t>(i)]};
  }
  torch::optional<size_t> size() const override { return 20; }

 private:
  torch::Tensor x_, y_;
};

int main() {
  torch::manual_seed(0);
  constexpr int64_t kTopics = 5;
  CalibratedClassifier model(10, kTopics);
  auto loader = torch::data::make_data_loader(
      ToyDocs().map(torch::data::transforms::Stack<>()),
      torch::data::DataLoaderOptions().batch_size(5));
  torch::optim::SGD sgd(model->parameters(), torch::optim::SGDOptions(0.5));

  float epoch_loss = 0.f;
  for (int epoch = 1; epoch <= 30; ++epoch) {
    epoch_loss = 0.f;
    for (auto& batch : *loader) {
      sgd.zero_grad();
      auto out = model(batch.data);
      auto loss = torch::nn::functional::cross_entropy(out, batch.target);
      loss.backward();
      sgd.step();
      epoch_loss += loss.item<float>() / 4;
    }
  }
  std::cout << "loss=" << epoch_loss << std::endl;
}
