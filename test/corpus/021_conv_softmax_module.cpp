// LABEL: torch-softmax-before-cross-entropy
// LINE: 43
// RUNTIME: ran, loss=2.28839
#include <torch/torch.h>
#include <iostream>

struct ConvNetImpl : torch::nn::Module {
  ConvNetImpl(int64_t num_classes)
      : conv1(torch::nn::Conv2dOptions(1, 4, 3)),
        pool(torch::nn::MaxPool2dOptions(2)),
        fc(4 * 3 * 3, num_classes),
        sm(torch::nn::SoftmaxOptions(1)) {
    register_module("conv1", conv1);
    register_module("pool", pool);
    register_module("fc", fc);
    register_module("sm", sm);
  }

  torch::Tensor forward(torch::Tensor x) {
    x = pool(torch::relu(conv1(x)));          // [N, 4, 3, 3]
    x = x.flatten(1);
    return sm(fc(x));
  }

  torch::nn::Conv2d conv1;
  torch::nn::MaxPool2d pool;
  torch::nn::Linear fc;
  torch::nn::Softmax sm;
};
TORCH_MODULE(ConvNet);

int main() {
  torch::manual_seed(0);
  ConvNet net(10);
  torch::optim::SGD opt(net->parameters(), 0.01);

  auto images = torch::rand({4, 1, 8, 8});
  auto digits = torch::tensor({3, 7, 0, 9});

  for (int epoch = 0; epoch < 2; epoch++) {
    opt.zero_grad();
    auto out = net->forward(images);
    auto loss = torch::nn::functional::cross_entropy(out, digits);
    loss.backward();
    opt.step();
    std::cout << "epoch=" << epoch << " loss=" << loss.item<float>() << std::endl;
  }
}
