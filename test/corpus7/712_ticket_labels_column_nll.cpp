// LABEL: torch-stray-unsqueeze
// LINE: 46
// RUNTIME: 0D or 1D target tensor expected, multi-target not supported
#include <torch/torch.h>

#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

namespace F = torch::nn::functional;

// Support-ticket routing: which team should handle a ticket.
const std::unordered_map<std::string, int64_t> kTeams = {
    {"billing", 0}, {"network", 1}, {"hardware", 2}, {"accounts", 3}};

torch::Tensor encode_labels(const std::vector<std::string>& teams) {
  std::vector<int64_t> ids;
  ids.reserve(teams.size());
  for (const auto& team : teams) {
    ids.push_back(kTeams.at(team));
  }
  return torch::tensor(ids).unsqueeze(1);
}

int main() {
  torch::manual_seed(0);
  std::vector<std::string> routed = {"billing", "network", "network", "hardware", "accounts",
                                     "billing", "hardware", "accounts", "network", "billing"};
  const int64_t n = static_cast<int64_t>(routed.size());
  auto labels = encode_labels(routed);
  auto features = torch::randn({n, 6}) + labels.to(torch::kFloat);

  // Keep a table of (features, label) for the offline audit.
  auto audit_table = torch::cat({features, labels.to(torch::kFloat)}, /*dim=*/1);
  std::cout << "audit rows: " << audit_table.size(0) << " cols: " << audit_table.size(1) << "\n";

  torch::nn::Linear router(6, static_cast<int64_t>(kTeams.size()));
  torch::nn::NLLLoss criterion(
      torch::nn::NLLLossOptions().weight(torch::tensor({1.0, 1.0, 2.0, 2.0})));
  torch::optim::SGD optimizer(router->parameters(), torch::optim::SGDOptions(0.1));

  for (int epoch = 0; epoch < 5; ++epoch) {
    optimizer.zero_grad();
    auto log_probs = F::log_softmax(router(features), F::LogSoftmaxFuncOptions(1));
    auto loss = criterion(log_probs, labels);
    loss.backward();
    optimizer.step();
    std::cout << "epoch " << epoch << " loss " << loss.item<double>() << "\n";
  }
  return 0;
}
