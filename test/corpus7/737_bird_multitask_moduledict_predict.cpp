// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.588462
#include <torch/torch.h>

#include <iostream>
#include <string>

namespace F = torch::nn::functional;

// Bird photos: one species per photo, plus independent attributes
// (juvenile, in flight, ringed).
struct BirdNetImpl : torch::nn::Module {
  BirdNetImpl(int64_t in, int64_t species, int64_t attributes) {
    trunk = register_module("trunk", torch::nn::Sequential(torch::nn::Linear(in, 24),
                                                           torch::nn::ReLU()));
    torch::OrderedDict<std::string, std::shared_ptr<torch::nn::Module>> heads;
    heads.insert("species", torch::nn::Linear(24, species).ptr());
    heads.insert("attributes", torch::nn::Linear(24, attributes).ptr());
    this->heads = register_module("heads", torch::nn::ModuleDict(heads));
  }

  std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& x) {
    auto h = trunk->forward(x);
    return {heads["species"]->as<torch::nn::Linear>()->forward(h),
            heads["attributes"]->as<torch::nn::Linear>()->forward(h)};
  }

  std::pair<torch::Tensor, torch::Tensor> predict(const torch::Tensor& x) {
    torch::NoGradGuard no_grad;
    auto [species_scores, attribute_scores] = forward(x);
    return {torch::softmax(species_scores, -1), torch::sigmoid(attribute_scores)};
  }

  torch::nn::Sequential trunk{nullptr};
  torch::nn::ModuleDict heads{nullptr};
};
TORCH_MODULE(BirdNet);

int main() {
  torch::manual_seed(0);
  const int64_t n = 32, species = 4, attributes = 3;
  auto photos = torch::randn({n, 12});
  auto species_id = torch::arange(n, torch::kLong).remainder(species);
  auto attribute_flags = (photos.narrow(1, 0, attributes) > 0).to(torch::kFloat);
  photos.narrow(1, 4, species) += F::one_hot(species_id, species).to(torch::kFloat);

  BirdNet net(12, species, attributes);
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-2));
  torch::Tensor loss;
  for (int epoch = 0; epoch < 30; ++epoch) {
    optimizer.zero_grad();
    auto [species_scores, attribute_scores] = net->forward(photos);
    auto species_loss = F::cross_entropy(species_scores, species_id);
    auto attribute_loss = F::binary_cross_entropy_with_logits(attribute_scores, attribute_flags);
    loss = species_loss + 0.5 * attribute_loss;
    loss.backward();
    optimizer.step();
  }
  auto [species_probs, attribute_probs] = net->predict(photos.narrow(0, 0, 2));
  std::cout << "p(species)=" << species_probs[0].max().item<double>()
            << " p(attr0)=" << attribute_probs[0][0].item<double>() << "\n";
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
