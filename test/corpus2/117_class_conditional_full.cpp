// LABEL: none
// LINE: 0
// RUNTIME: ran, loss=0.526341
#include <torch/torch.h>

#include <iostream>
#include <vector>

struct Dataset {
  torch::Tensor x;
  torch::Tensor y;
};

Dataset make_dataset(int64_t num_classes, int64_t per_class, int64_t dim) {
  std::vector<torch::Tensor> xs, ys;
  for (int64_t c = 0; c < num_classes; ++c) {
    auto mean = torch::zeros({dim});
    mean[c % dim] = 3.0;
    xs.push_back(mean + torch::randn({per_class, dim}));
    ys.push_back(torch::full({per_class}, c));
  }
  return {torch::cat(xs), torch::cat(ys)};
}

int main() {
  torch::manual_seed(0);
  const int64_t num_classes = 4;
  auto train = make_dataset(num_classes, 10, 5);

  torch::nn::Sequential model(torch::nn::Linear(5, 16), torch::nn::Tanh(), torch::nn::Linear(16, num_classes));
  torch::nn::CrossEntropyLoss loss_fn;
  torch::optim::Adam opt(model->parameters(), torch::optim::AdamOptions(1e-2));

  for (int epoch = 0; epoch < 20; ++epoch) {
    auto perm = torch::randperm(train.x.size(0));
    auto xb = train.x.index_select(0, perm);
    auto yb = train.y.index_select(0, perm);
    opt.zero_grad();
    auto loss = loss_fn(model->forward(xb), yb);
    loss.backward();
    opt.step();
    if (epoch % 10 == 9) std::cout << "epoch " << epoch << " loss=" << loss.item<float>() << "\n";
  }
}
