// LABEL: torch-sigmoid-before-bce-with-logits
// LINE: 57
// RUNTIME: ran, loss=0.503204
#include <torch/torch.h>

#include <iostream>
#include <memory>

namespace F = torch::nn::functional;

// Query/document relevance scorer.
class ScorerImpl : public torch::nn::Module {
 public:
  explicit ScorerImpl(int64_t dim) {
    query_proj_ = register_module("query_proj", torch::nn::Linear(dim, dim));
    doc_proj_ = register_module("doc_proj", torch::nn::Linear(dim, dim));
  }
  virtual ~ScorerImpl() = default;

  virtual torch::Tensor score(const torch::Tensor& query, const torch::Tensor& doc) {
    return (query_proj_(query) * doc_proj_(doc)).sum(/*dim=*/-1);
  }

 protected:
  torch::nn::Linear query_proj_{nullptr};
  torch::nn::Linear doc_proj_{nullptr};
};

class CalibratedScorerImpl : public ScorerImpl {
 public:
  explicit CalibratedScorerImpl(int64_t dim) : ScorerImpl(dim) {
    temperature_ = register_parameter("temperature", torch::ones({1}));
  }

  torch::Tensor score(const torch::Tensor& query, const torch::Tensor& doc) override {
    return torch::sigmoid(ScorerImpl::score(query, doc) / temperature_);
  }

 private:
  torch::Tensor temperature_;
};

int main() {
  torch::manual_seed(0);
  const int64_t dim = 8;
  const int64_t pairs = 48;
  std::shared_ptr<ScorerImpl> scorer = std::make_shared<CalibratedScorerImpl>(dim);

  auto queries = torch::randn({pairs, dim});
  auto docs = torch::randn({pairs, dim});
  auto relevant = ((queries * docs).sum(-1) > 0).to(torch::kFloat);

  torch::optim::Adam optimizer(scorer->parameters(), torch::optim::AdamOptions(5e-2));
  torch::Tensor loss;
  for (int step = 0; step < 150; ++step) {
    optimizer.zero_grad();
    loss = F::binary_cross_entropy_with_logits(
        scorer->score(queries, docs), relevant,
        F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kMean));
    loss.backward();
    optimizer.step();
  }
  std::cout << "final loss=" << loss.item<double>() << "\n";
  return 0;
}
