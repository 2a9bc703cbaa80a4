// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=5.3793
#include <torch/torch.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace F = torch::nn::functional;

struct Ticket {
  std::string queue;
  std::vector<float> embedding;
};

class RoutingModel : public torch::nn::Module {
 public:
  RoutingModel(const std::vector<Ticket>& tickets, const std::map<std::string, int64_t>& queues)
      : fc1_(register_module("fc1", torch::nn::Linear(4, 8))),
        fc2_(register_module("fc2", torch::nn::Linear(8, static_cast<int64_t>(queues.size())))) {
    const int64_t n = static_cast<int64_t>(tickets.size());
    inputs_ = torch::empty({n, 4});
    queue_ids_ = torch::zeros({n}, torch::dtype(torch::kInt64));
    for (int64_t i = 0; i < n; ++i) {
      inputs_[i] = torch::tensor(tickets[i].embedding);
      queue_ids_[i] = queues.at(tickets[i].queue);
    }
  }

  torch::Tensor train_step(torch::optim::Optimizer& opt) {
    opt.zero_grad();
    auto scores = fc2_(torch::relu(fc1_(inputs_)));
    auto loss = F::cross_entropy(scores, queue_ids_,
                                 F::CrossEntropyFuncOptions().reduction(torch::kSum));
    loss.backward();
    opt.step();
    return loss.detach();
  }

 private:
  torch::nn::Linear fc1_, fc2_;
  torch::Tensor inputs_;
  torch::Tensor queue_ids_;
};

int main() {
  torch::manual_seed(0);
  std::map<std::string, int64_t> queues = {{"billing", 0}, {"network", 1}, {"accounts", 2}};
  std::vector<Ticket> tickets = {
      {"billing", {0.1f, 0.9f, 0.0f, 0.2f}},  {"network", {0.8f, 0.1f, 0.3f, 0.0f}},
      {"accounts", {0.0f, 0.2f, 0.9f, 0.4f}}, {"network", {0.7f, 0.0f, 0.2f, 0.1f}},
      {"billing", {0.2f, 0.8f, 0.1f, 0.3f}},
  };
  RoutingModel model(tickets, queues);
  torch::optim::SGD opt(model.parameters(), 0.05);
  torch::Tensor loss;
  for (int i = 0; i < 4; ++i) loss = model.train_step(opt);
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
