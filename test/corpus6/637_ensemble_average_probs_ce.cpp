// LABEL: torch-softmax-before-cross-entropy
// LINE: 49
// RUNTIME: ran, loss=0.598507
#include <torch/torch.h>

#include <iostream>
#include <vector>

namespace F = torch::nn::functional;

struct MemberImpl : torch::nn::Module {
  MemberImpl(int64_t in, int64_t hidden, int64_t out) {
    a = register_module("a", torch::nn::Linear(in, hidden));
    b = register_module("b", torch::nn::Linear(hidden, out));
  }
  torch::Tensor forward(torch::Tensor x) { return b(torch::relu(a(x))); }
  torch::nn::Linear a{nullptr}, b{nullptr};
};
TORCH_MODULE(Member);

// Deep ensemble trained jointly on the averaged prediction.
class Ensemble : public torch::nn::Module {
 public:
  Ensemble(int64_t in, int64_t out) {
    for (int64_t h : {8, 16, 32}) {
      members_.push_back(register_module("m" + std::to_string(h), Member(in, h, out)));
    }
  }
  torch::Tensor forward(const torch::Tensor& x) {
    std::vector<torch::Tensor> probs;
    for (auto& m : members_) probs.push_back(m(x).softmax(1));
    return torch::stack(probs).mean(0);
  }

 private:
  std::vector<Member> members_;
};

int main() {
  torch::manual_seed(0);
  auto ensemble = std::make_shared<Ensemble>(7, 3);
  auto x = torch::randn({18, 7});
  auto y = torch::randint(0, 3, {18});

  torch::optim::Adam opt(ensemble->parameters(), 0.02);
  torch::Tensor loss;
  for (int epoch = 0; epoch < 150; ++epoch) {
    opt.zero_grad();
    loss = F::cross_entropy(ensemble->forward(x), y);
    loss.backward();
    opt.step();
  }
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
