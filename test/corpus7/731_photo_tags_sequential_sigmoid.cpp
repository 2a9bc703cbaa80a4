// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 50
// RUNTIME: ran, loss=0.754916
#include <torch/torch.h>

#include <iostream>
#include <vector>

// Multi-label photo tagging (beach, night, people, food, animal) from
// precomputed image descriptors.
class PhotoTaggerImpl : public torch::nn::Module {
 public:
  PhotoTaggerImpl(int64_t descriptor_dim, int64_t num_tags) {
    net_ = register_module(
        "net", torch::nn::Sequential(torch::nn::Linear(descriptor_dim, 32), torch::nn::ReLU(),
                                     torch::nn::Linear(32, num_tags), torch::nn::Sigmoid()));
  }

  torch::Tensor forward(const torch::Tensor& descriptors) { return net_->forward(descriptors); }

 private:
  torch::nn::Sequential net_{nullptr};
};
TORCH_MODULE(PhotoTagger);

int main() {
  torch::manual_seed(0);
  const int64_t num_photos = 64;
  const int64_t descriptor_dim = 10;
  const int64_t num_tags = 5;

  auto descriptors = torch::randn({num_photos, descriptor_dim});
  auto tags = (descriptors.narrow(1, 0, num_tags) > 0.8).to(torch::kFloat);

  auto positives = tags.sum(0).clamp_min(1.0);
  auto pos_weight = (num_photos - positives) / positives;
  torch::nn::BCEWithLogitsLoss criterion(
      torch::nn::BCEWithLogitsLossOptions().pos_weight(pos_weight.clamp_max(3.0)));

  PhotoTagger tagger(descriptor_dim, num_tags);
  torch::optim::Adam optimizer(tagger->parameters(), torch::optim::AdamOptions(1e-2));

  std::vector<torch::Tensor> batches = torch::randperm(num_photos).split(16);
  double epoch_loss = 0.0;
  for (int epoch = 0; epoch < 40; ++epoch) {
    epoch_loss = 0.0;
    for (const auto& idx : batches) {
      optimizer.zero_grad();
      auto predicted = tagger(descriptors.index_select(0, idx));
      auto loss = criterion(predicted, tags.index_select(0, idx));
      loss.backward();
      optimizer.step();
      epoch_loss += loss.item<double>() / batches.size();
    }
  }
  std::cout << "final loss=" << epoch_loss << "\n";
  return 0;
}
