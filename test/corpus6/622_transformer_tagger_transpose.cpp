// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=1.74551
#include <torch/torch.h>

#include <iostream>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

// Named-entity tagger with a transformer encoder layer; the loss wants the
// class axis second, so the [B, T, C] emissions are transposed to [B, C, T].
class EntityTaggerImpl : public nn::Module {
 public:
  EntityTaggerImpl(int64_t vocab, int64_t d_model, int64_t num_labels)
      : tok_(register_module("tok", nn::Embedding(vocab, d_model))),
        layer_(register_module("layer", nn::TransformerEncoderLayer(
                                            nn::TransformerEncoderLayerOptions(d_model, 2)
                                                .dim_feedforward(32)
                                                .dropout(0.0)))),
        out_(register_module("out", nn::Linear(d_model, num_labels))) {}

  torch::Tensor forward(const torch::Tensor& ids) {
    auto h = tok_(ids).transpose(0, 1);   // [T, B, D] for the encoder layer
    h = layer_(h).transpose(0, 1);        // back to [B, T, D]
    return out_(h);                       // [B, T, C]
  }

 private:
  nn::Embedding tok_;
  nn::TransformerEncoderLayer layer_;
  nn::Linear out_;
};
TORCH_MODULE(EntityTagger);

int main() {
  torch::manual_seed(0);
  const int64_t kLabels = 5;  // O, B-PER, I-PER, B-LOC, I-LOC
  const int64_t kPad = -100;
  EntityTagger tagger(60, 16, kLabels);

  auto ids = torch::randint(1, 60, {3, 7});
  auto tags = torch::randint(0, kLabels, {3, 7});
  tags.slice(1, 5, 7).fill_(kPad);  // padded tail of every sentence

  torch::optim::Adam opt(tagger->parameters(), 1e-3);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 2; ++epoch) {
    auto emissions = tagger(ids).transpose(1, 2);  // [B, C, T]
    loss = F::cross_entropy(emissions, tags, F::CrossEntropyFuncOptions().ignore_index(kPad));
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
