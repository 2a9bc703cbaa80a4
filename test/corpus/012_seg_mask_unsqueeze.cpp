// LABEL: torch-stray-unsqueeze
// LINE: 22
// RUNTIME: only batches of spatial targets supported (3D tensors) but got targets of dimension: 4
#include <torch/torch.h>
#include <iostream>

#include "seg_net.h"

TORCH_MODULE(SegNet);

int main() {
  torch::manual_seed(0);
  SegNet model(1, 3);
  torch::nn::CrossEntropyLoss loss_fn;

  auto img = torch::randn({2, 1, 6, 6});
  auto mask = torch::randint(0, 3, {2, 6, 6});
  // channel dimension, to line up with the image
  mask = mask.unsqueeze(1);

  auto pred = model(img);
  auto loss = loss_fn(pred, mask);
  std::cout << "seg loss " << loss.item<float>() << std::endl;
  return 0;
}
