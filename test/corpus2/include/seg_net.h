#pragma once
#include <torch/torch.h>

// Very small fully-convolutional segmenter: [N, in_ch, H, W] -> [N, classes, H, W]
struct SegNetImpl : torch::nn::Module {
  SegNetImpl(int64_t in_channels, int64_t num_classes, int64_t width = 8)
      : enc1(torch::nn::Conv2dOptions(in_channels, width, 3).padding(1)),
        enc2(torch::nn::Conv2dOptions(width, width, 3).padding(1)),
        classifier(torch::nn::Conv2dOptions(width, num_classes, 1)) {
    register_module("enc1", enc1);
    register_module("enc2", enc2);
    register_module("classifier", classifier);
  }

  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(enc1->forward(x));
    x = torch::relu(enc2->forward(x));
    return classifier->forward(x);
  }

  torch::nn::Conv2d enc1, enc2, classifier;
};
TORCH_MODULE(SegNet);
