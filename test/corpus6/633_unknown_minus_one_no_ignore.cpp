// LABEL: torch-target-out-of-range
// LINE: 40
// RUNTIME: Target -1 is out of bounds.
#include <torch/torch.h>

#include <iostream>
#include <string>
#include <vector>

namespace nn = torch::nn;

constexpr int64_t kUnknownLanguage = -1;

int64_t language_id(const std::string& code) {
  if (code == "en") return 0;
  if (code == "de") return 1;
  if (code == "fr") return 2;
  return kUnknownLanguage;  // crowd workers could not tell
}

struct LangIdImpl : nn::Module {
  LangIdImpl() : fc(register_module("fc", nn::Linear(26, 3))) {}
  torch::Tensor forward(torch::Tensor letter_hist) { return fc(letter_hist); }
  nn::Linear fc;
};
TORCH_MODULE(LangId);

int main() {
  torch::manual_seed(0);
  std::vector<std::string> annotations = {"en", "de", "??", "fr", "en", "xx", "de", "fr"};
  std::vector<int64_t> ids;
  for (const auto& code : annotations) ids.push_back(language_id(code));
  auto target = torch::tensor(ids, torch::kLong);
  auto hist = torch::rand({static_cast<int64_t>(ids.size()), 26});

  LangId model;
  nn::CrossEntropyLoss criterion(
      nn::CrossEntropyLossOptions().weight(torch::tensor({1.0f, 1.2f, 1.2f})).reduction(torch::kMean));
  torch::optim::SGD opt(model->parameters(), 0.1);
  auto loss = criterion(model(hist), target);
  opt.zero_grad();
  loss.backward();
  opt.step();
  std::cout << "loss=" << loss.item<double>() << std::endl;
}
