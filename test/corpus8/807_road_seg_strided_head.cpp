// LABEL: torch-cross-entropy-shape-mismatch
// LINE: 37
// RUNTIME: size mismatch (got input: [4, 3, 8, 8] , target: [4, 16, 16]
#include <torch/torch.h>
#include <iostream>

namespace nn = torch::nn;

enum RoadClass : int64_t { kBackground, kRoad, kLaneMark, kNumRoadClasses };

nn::Sequential make_segmenter() {
  nn::Sequential seq;
  seq->push_back(nn::Conv2d(nn::Conv2dOptions(3, 8, 3).padding(1)));
  seq->push_back(nn::BatchNorm2d(8));
  seq->push_back(nn::ReLU());
  // Downsampling stem to save compute; the upsampling was never added back.
  seq->push_back(nn::Conv2d(nn::Conv2dOptions(8, 16, 3).stride(2).padding(1)));
  seq->push_back(nn::ReLU());
  seq->push_back(nn::Conv2d(nn::Conv2dOptions(16, kNumRoadClasses, 1)));
  return seq;
}

int main() {
  torch::manual_seed(0);
  const int64_t N = 4, H = 16, W = 16;
  auto images = torch::rand({N, 3, H, W});
  auto masks = torch::zeros({N, H, W}, torch::kLong);
  masks.slice(2, 5, 11).fill_(kRoad);
  masks.slice(2, 7, 9).fill_(kLaneMark);

  auto net = make_segmenter();
  nn::CrossEntropyLoss criterion;
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.05));
  torch::Tensor loss;
  for (int it = 0; it < 5; ++it) {
    opt.zero_grad();
    loss = criterion(net->forward(images), masks);
    loss.backward();
    opt.step();
  }
  std::cout << "final loss " << loss.item<float>() << std::endl;
}
