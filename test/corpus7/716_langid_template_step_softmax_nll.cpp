// LABEL: torch-softmax-before-nll-loss
// LINE: 34
// RUNTIME: ran, loss=-0.999872
#include <torch/torch.h>

#include <iostream>

#include "synthetic.h"
#include "train_utils.h"

namespace F = torch::nn::functional;

// Language identification from character n-gram statistics.
struct LangIdImpl : torch::nn::Module {
  LangIdImpl(int64_t ngram_features, int64_t languages)
      : encoder(torch::nn::Linear(ngram_features, 32), torch::nn::ReLU(),
                torch::nn::Dropout(0.1)),
        classifier(torch::nn::Linear(32, languages), torch::nn::Softmax(1)) {
    register_module("encoder", encoder);
    register_module("classifier", classifier);
  }

  torch::Tensor forward(const torch::Tensor& x) { return classifier->forward(encoder->forward(x)); }

  torch::nn::Sequential encoder;
  torch::nn::Sequential classifier;
};
TORCH_MODULE(LangId);

template <typename Net>
torch::Tensor train_step(Net& net, torch::optim::Optimizer& optimizer, const Batch& batch) {
  optimizer.zero_grad();
  auto output = net->forward(batch.first);
  auto loss = F::nll_loss(output, batch.second);
  loss.backward();
  optimizer.step();
  return loss.detach();
}

int main() {
  torch::manual_seed(0);
  const int64_t languages = 6;
  auto corpus = make_blobs(120, languages, 20, 0.6);
  LangId net(20, languages);
  OptimConfig cfg;
  cfg.epochs = 8;
  cfg.batch_size = 20;
  auto optimizer = make_adam(*net, cfg);
  LossMeter meter;
  for (int epoch = 0; epoch < cfg.epochs; ++epoch) {
    meter.reset();
    for (const auto& batch : make_batches(shuffled(corpus), cfg.batch_size)) {
      meter.add(train_step(net, optimizer, batch), batch.first.size(0));
    }
    log_epoch("langid", epoch, meter.mean());
  }
  std::cout << "final loss=" << meter.mean() << "\n";
  return 0;
}
