// RUN: %check_torchlint %s 'torch-*' %t -- %torch_flags

// Every form of propagation the flow analysis claims, each with a bug it must
// carry to the loss call and a near miss it must not report. The checks that
// fire differ from case to case; all seven run.

#include <torch/torch.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace F = torch::nn::functional;

//===--- Locals and reassignment ------------------------------------------===//

void localReassignedToFloat() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  auto labels = torch::randint(0, 3, {32});
  torch::Tensor target = labels;
  target = target.to(torch::kFloat);
  auto loss = criterion(fc(torch::randn({32, 10})), target);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [32] for input [32, 3]) but has dtype float; LibTorch raises "expected scalar type Long but found Float"; convert it with .to(torch::kLong) [torch-float-class-target]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: .to() converts it to float here
}

// Negative: converted back before the loss.
void localConvertedBack() {
  torch::nn::Linear fc(10, 3);
  torch::nn::CrossEntropyLoss criterion;
  torch::Tensor target = torch::randint(0, 3, {32});
  target = target.to(torch::kFloat);
  target = target.to(torch::kLong);
  auto loss = criterion(fc(torch::randn({32, 10})), target);
}

//===--- Branches ---------------------------------------------------------===//

// Both branches draw 16 labels for a batch of 32.
void bothBranchesDrawTooFewLabels(bool shuffle) {
  torch::nn::Linear fc(10, 3);
  torch::Tensor labels;
  if (shuffle)
    labels = torch::randint(0, 3, {16});
  else
    labels = torch::zeros({16}, torch::kLong);
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [32, 3] and int64 target of shape [16]: the batch sizes differ; LibTorch raises "Expected input batch_size (32) to match target batch_size (16)." [torch-cross-entropy-shape-mismatch]
}

// Negative: only the last, short batch has 16 labels: the batch size differs
// between the branches, so it is unknown.
void branchesDisagreeOnTheBatch(bool lastBatch) {
  torch::nn::Linear fc(10, 3);
  torch::Tensor labels;
  if (lastBatch)
    labels = torch::randint(0, 3, {16});
  else
    labels = torch::randint(0, 3, {32});
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), labels);
}

// Both branches hold the label 3 for 3 classes.
void bothBranchesHoldClassC(bool flip) {
  torch::nn::Linear fc(4, 3);
  torch::Tensor y;
  if (flip)
    y = torch::tensor({0, 3, 1});
  else
    y = torch::tensor({3, 2, 0});
  auto loss = F::cross_entropy(fc(torch::randn({3, 4})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [0, 3] but the input [3, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
}

// Negative: only one branch holds the bad label.
void oneBranchHoldsClassC(bool flip) {
  torch::nn::Linear fc(4, 3);
  torch::Tensor y;
  if (flip)
    y = torch::tensor({0, 3, 1});
  else
    y = torch::tensor({1, 2, 0});
  auto loss = F::cross_entropy(fc(torch::randn({3, 4})), y);
}

//===--- Loops over epochs and batches ------------------------------------===//

void epochsAndBatches() {
  torch::nn::Sequential model(torch::nn::Linear(10, 3));
  torch::optim::SGD opt(model->parameters(), 0.1);
  auto targets = torch::randint(0, 3, {32}).unsqueeze(1);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int batch = 0; batch < 10; ++batch) {
      opt.zero_grad();
      auto loss = F::cross_entropy(model->forward(torch::randn({32, 10})), targets);
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: target of CrossEntropyLoss has shape [32, 1] after unsqueeze(1), input has shape [32, 3]; LibTorch raises "0D or 1D target tensor expected, multi-target not supported"; remove the unsqueeze [torch-stray-unsqueeze]
      // CHECK-MESSAGES: :[[@LINE-6]]:45: note: unsqueeze(1) adds a dimension of size 1 here
      loss.backward();
      opt.step();
    }
  }
}

// Negative: squeezed back inside the loop.
void epochsAndBatchesSqueezed() {
  torch::nn::Sequential model(torch::nn::Linear(10, 3));
  torch::optim::SGD opt(model->parameters(), 0.1);
  auto targets = torch::randint(0, 3, {32}).unsqueeze(1);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int batch = 0; batch < 10; ++batch) {
      opt.zero_grad();
      auto y = targets.squeeze(1);
      auto loss = F::cross_entropy(model->forward(torch::randn({32, 10})), y);
      loss.backward();
      opt.step();
    }
  }
}

// Negative: the batch size changes from one iteration to the next.
void batchSizeGrowsInTheLoop() {
  torch::nn::Linear fc(10, 3);
  for (int64_t n = 8; n <= 64; n *= 2) {
    auto x = torch::randn({n, 10});
    auto y = torch::randint(0, 3, {n});
    auto loss = F::cross_entropy(fc(x), y);
  }
}

//===--- unsqueeze, squeeze, view, reshape, flatten -----------------------===//

// A batch of one squeezed to [3], while the target keeps its shape [1].
void squeezedSingleSample() {
  torch::nn::Linear fc(10, 3);
  auto logits = fc(torch::randn({1, 10})).squeeze();
  auto loss = F::cross_entropy(logits, torch::tensor({2}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [3] and int64 target of shape [1]: the target's shape does not fit the input's; LibTorch raises "size mismatch (got input: [3], target: [1])" [torch-cross-entropy-shape-mismatch]
}

// Negative: only the added dimension is squeezed.
void squeezeOnlyTheAddedDimension() {
  torch::nn::Linear fc(10, 3);
  auto logits = fc(torch::randn({1, 10})).unsqueeze(1).squeeze(1);
  auto loss = F::cross_entropy(logits, torch::tensor({2}));
}

// The logits are flattened to [N * T, C], the tags are not.
void logitsViewedTagsNot() {
  torch::nn::Linear fc(16, 5);
  auto logits = fc(torch::randn({4, 7, 16})).view({-1, 5});
  auto tags = torch::randint(0, 5, {4, 7});
  auto loss = F::cross_entropy(logits, tags);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [28, 5] and int64 target of shape [4, 7]: the batch sizes differ; LibTorch raises "Expected input batch_size (28) to match target batch_size (4)." [torch-cross-entropy-shape-mismatch]
}

// Negative: both flattened.
void logitsViewedTagsReshaped() {
  torch::nn::Linear fc(16, 5);
  auto logits = fc(torch::randn({4, 7, 16})).view({-1, 5});
  auto tags = torch::randint(0, 5, {4, 7}).reshape({-1});
  auto loss = F::cross_entropy(logits, tags);
}

// Flattening the spatial dimensions of the logits, not of the mask.
void flattenedSegmentationLogits() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 1));
  auto logits = head(torch::randn({2, 8, 6, 6})).flatten(2);
  auto mask = torch::randint(0, 4, {2, 6, 6});
  auto loss = F::cross_entropy(logits, mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [2, 4, 36] and int64 target of shape [2, 6, 6]: the target's shape does not fit the input's; LibTorch raises "Expected target size [2, 36], got [2, 6, 6]" [torch-cross-entropy-shape-mismatch]
}

// Negative: the mask is flattened the same way.
void flattenedLogitsAndMask() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 1));
  auto logits = head(torch::randn({2, 8, 6, 6})).flatten(2);
  auto mask = torch::randint(0, 4, {2, 6, 6}).flatten(1);
  auto loss = F::cross_entropy(logits, mask);
}

//===--- permute, transpose -----------------------------------------------===//

// [N, T, C] transposed on the wrong axes: [T, N, C].
void transposedTheWrongAxes() {
  torch::nn::Linear fc(16, 5);
  auto logits = fc(torch::randn({4, 7, 16})).transpose(0, 1);
  auto loss = F::cross_entropy(logits, torch::randint(0, 5, {4, 7}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [7, 4, 5] and int64 target of shape [4, 7]: the batch sizes differ; LibTorch raises "Expected input batch_size (7) to match target batch_size (4)." [torch-cross-entropy-shape-mismatch]
}

void permutedTheWrongAxes() {
  torch::nn::Linear fc(16, 5);
  auto logits = fc(torch::randn({4, 7, 16})).permute({2, 0, 1});
  auto loss = F::cross_entropy(logits, torch::randint(0, 5, {4, 7}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [5, 4, 7] and int64 target of shape [4, 7]: the batch sizes differ; LibTorch raises "Expected input batch_size (5) to match target batch_size (4)." [torch-cross-entropy-shape-mismatch]
}

// Negative: [N, T, C] to [N, C, T], both ways.
void permutedTheRightAxes() {
  torch::nn::Linear fc(16, 5);
  auto tags = torch::randint(0, 5, {4, 7});
  auto a = F::cross_entropy(fc(torch::randn({4, 7, 16})).transpose(1, 2), tags);
  auto b = F::cross_entropy(fc(torch::randn({4, 7, 16})).permute({0, 2, 1}).contiguous(), tags);
}

//===--- to, detach, clone, contiguous ------------------------------------===//

void unsqueezedTargetCopiedAndDetached() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {32}).unsqueeze(1).detach().clone().contiguous();
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has shape [32, 1] after unsqueeze(1), input has shape [32, 3]; LibTorch raises "0D or 1D target tensor expected, multi-target not supported"; remove the unsqueeze [torch-stray-unsqueeze]
}

void softmaxSurvivesToAndContiguous() {
  torch::nn::Linear fc(10, 3);
  auto p = torch::softmax(fc(torch::randn({4, 10})), 1).to(torch::kDouble).contiguous();
  auto loss = F::nll_loss(p, torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss [4, 3] is a softmax, not a log_softmax; NLLLoss expects log-probabilities, so it minimizes -p instead of -log(p) and its gradients vanish as p shrinks; use log_softmax [torch-softmax-before-nll-loss]
}

void intTargetSurvivesCloneAndDetach() {
  torch::nn::Linear fc(10, 3);
  auto y = torch::randint(0, 3, {16}, torch::kInt).clone().detach();
  auto loss = F::cross_entropy(fc(torch::randn({16, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [16] for input [16, 3]) but has dtype int32; LibTorch raises "expected scalar type Long but found Int"; convert it with .to(torch::kLong) [torch-float-class-target]
}

// Negative: converted, copied, or the log_softmax kept.
void conversionsThatFix() {
  torch::nn::Linear fc(10, 3);
  auto x = torch::randn({16, 10});
  auto a = F::cross_entropy(fc(x), torch::randint(0, 3, {16}, torch::kInt).to(torch::kLong));
  auto b = F::cross_entropy(fc(x), torch::rand({16}).mul(3).floor().to(torch::kLong).clone());
  auto c = F::nll_loss(torch::log_softmax(fc(x), 1).detach().clone(), torch::randint(0, 3, {16}));
  auto d = F::cross_entropy(fc(x), torch::randint(0, 3, {16}).unsqueeze(1).contiguous().squeeze(1));
}

//===--- Linear and Conv --------------------------------------------------===//

void linearFixesTheClasses() {
  torch::nn::Linear fc(torch::nn::LinearOptions(10, 4).bias(false));
  auto loss = F::cross_entropy(fc(torch::randn({64, 10})), torch::randint(0, 5, {64}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [0, 4] but the input [64, 4] has C = 4 classes: 4 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds." [torch-target-out-of-range]
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: this Linear outputs 4 features
}

// Negative: one more output.
void linearHasEnoughClasses() {
  torch::nn::Linear fc(torch::nn::LinearOptions(10, 5).bias(false));
  auto loss = F::cross_entropy(fc(torch::randn({64, 10})), torch::randint(0, 5, {64}));
}

// A stride-2 convolution halves the resolution of the logits.
void stridedConvHalvesTheLogits() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).stride(2).padding(1));
  auto mask = torch::randint(0, 4, {2, 16, 16});
  auto loss = F::cross_entropy(head(torch::randn({2, 8, 16, 16})), mask);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [2, 4, 8, 8] and int64 target of shape [2, 16, 16]: the target's shape does not fit the input's; LibTorch raises "size mismatch (got input: [2, 4, 8, 8] , target: [2, 16, 16]" [torch-cross-entropy-shape-mismatch]
  // CHECK-MESSAGES: :[[@LINE-4]]:21: note: this convolution outputs 4 channels
}

// Negative: stride 1 with padding keeps the resolution.
void convKeepsTheResolution() {
  torch::nn::Conv2d head(torch::nn::Conv2dOptions(8, 4, 3).stride(1).padding(1));
  auto mask = torch::randint(0, 4, {2, 16, 16});
  auto loss = F::cross_entropy(head(torch::randn({2, 8, 16, 16})), mask);
}

//===--- Activation modules -----------------------------------------------===//

void softmaxModuleAfterReluAndDropout() {
  torch::nn::Linear fc(10, 3);
  torch::nn::ReLU relu;
  torch::nn::Dropout drop(0.2);
  torch::nn::Softmax softmax(1);
  auto out = softmax(drop(relu(fc(torch::randn({8, 10})))));
  auto loss = F::nll_loss(out, torch::randint(0, 3, {8}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of NLLLoss [8, 3] is a softmax, not a log_softmax
  // CHECK-MESSAGES: :[[@LINE-4]]:22: note: softmax applied by this torch::nn::Softmax module
}

// Negative: a LogSoftmax module.
void logSoftmaxModuleAfterReluAndDropout() {
  torch::nn::Linear fc(10, 3);
  torch::nn::ReLU relu;
  torch::nn::Dropout drop(0.2);
  torch::nn::LogSoftmax logSoftmax(1);
  auto out = logSoftmax(drop(relu(fc(torch::randn({8, 10})))));
  auto loss = F::nll_loss(out, torch::randint(0, 3, {8}));
}

void sigmoidModuleAfterTanh() {
  torch::nn::Linear fc(10, 2);
  torch::nn::Tanh tanh;
  torch::nn::Sigmoid sigmoid;
  auto out = sigmoid(tanh(fc(torch::randn({8, 10}))));
  auto loss = F::binary_cross_entropy_with_logits(out, torch::zeros({8, 2}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: input of BCEWithLogitsLoss [8, 2] is already a sigmoid; BCEWithLogitsLoss applies the sigmoid itself, so its predictions are confined to (0.5, 0.73) and the loss cannot approach 0; pass the raw logits [torch-sigmoid-before-bce-with-logits]
}

// Negative: a Linear after the Sigmoid module gives new logits.
void sigmoidModuleThenLinear() {
  torch::nn::Linear fc(10, 2);
  torch::nn::Sigmoid sigmoid;
  torch::nn::Linear out(2, 2);
  auto loss = F::binary_cross_entropy_with_logits(out(sigmoid(fc(torch::randn({8, 10})))),
                                                  torch::zeros({8, 2}));
}

//===--- Sequential: constructor and push_back ----------------------------===//

void sequentialConvNetBatchMismatch() {
  torch::nn::Sequential net(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 4, 3)), torch::nn::ReLU(),
      torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2)), torch::nn::Flatten(),
      torch::nn::Linear(4 * 13 * 13, 10));
  auto images = torch::randn({8, 1, 28, 28});
  auto labels = torch::randint(0, 10, {4});
  auto loss = F::cross_entropy(net->forward(images), labels);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [8, 10] and int64 target of shape [4]: the batch sizes differ; LibTorch raises "Expected input batch_size (8) to match target batch_size (4)." [torch-cross-entropy-shape-mismatch]
}

// Negative: the same network with a label per image.
void sequentialConvNetMatchingBatch() {
  torch::nn::Sequential net(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 4, 3)), torch::nn::ReLU(),
      torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2)), torch::nn::Flatten(),
      torch::nn::Linear(4 * 13 * 13, 10));
  auto loss = F::cross_entropy(net->forward(torch::randn({8, 1, 28, 28})),
                               torch::randint(0, 10, {8}));
}

void sequentialPushBackThreeClasses() {
  torch::nn::Sequential net;
  net->push_back(torch::nn::Linear(10, 16));
  net->push_back(torch::nn::ReLU());
  net->push_back(torch::nn::Linear(16, 3));
  net->push_back(torch::nn::LogSoftmax(1));
  auto y = torch::tensor({0, 1, 2, 3, 0, 1, 2, 0});
  auto loss = F::nll_loss(net->forward(torch::randn({8, 10})), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of NLLLoss has values {0, 1, 2, 3} but the input [8, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
}

// Negative: four outputs.
void sequentialPushBackFourClasses() {
  torch::nn::Sequential net;
  net->push_back(torch::nn::Linear(10, 16));
  net->push_back(torch::nn::ReLU());
  net->push_back(torch::nn::Linear(16, 4));
  net->push_back(torch::nn::LogSoftmax(1));
  auto y = torch::tensor({0, 1, 2, 3, 0, 1, 2, 0});
  auto loss = F::nll_loss(net->forward(torch::randn({8, 10})), y);
}

//===--- A custom module's forward ----------------------------------------===//

struct MlpImpl : torch::nn::Module {
  MlpImpl(int64_t in, int64_t classes) {
    fc1 = register_module("fc1", torch::nn::Linear(in, 32));
    fc2 = register_module("fc2", torch::nn::Linear(32, classes));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(Mlp);

void customModuleWithFourClasses() {
  Mlp net(10, 4);
  auto loss = F::cross_entropy(net(torch::randn({64, 10})), torch::randint(1, 5, {64}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values in [1, 4] but the input [64, 4] has C = 4 classes: 4 is outside [0, 3] and not ignore_index -100; LibTorch raises "Target 4 is out of bounds." [torch-target-out-of-range]
}

// Negative: the same labels with five classes.
void customModuleWithFiveClasses() {
  Mlp net(10, 5);
  auto loss = F::cross_entropy(net(torch::randn({64, 10})), torch::randint(1, 5, {64}));
}

//===--- Member fields ----------------------------------------------------===//

struct FloatLabelTrainer {
  torch::nn::Linear fc{10, 3};
  torch::Tensor labels;
  FloatLabelTrainer() : labels(torch::randint(0, 3, {32}).to(torch::kFloat)) {}
  torch::Tensor step(const torch::Tensor &x) {
    return F::cross_entropy(fc(x), labels);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: target of CrossEntropyLoss holds class indices (shape [32] for input [{{\?|32}}, 3]) but has dtype float; LibTorch raises "expected scalar type Long but found Float"; convert it with .to(torch::kLong) [torch-float-class-target]
  }
};

void fieldSetInTheConstructor() {
  FloatLabelTrainer t;
  auto loss = t.step(torch::randn({32, 10}));
}

// Negative: the constructor converts the field before anyone reads it.
struct ConvertingTrainer {
  torch::nn::Linear fc{10, 3};
  torch::Tensor labels;
  ConvertingTrainer() : labels(torch::randint(0, 3, {32}).to(torch::kFloat)) {
    labels = labels.to(torch::kLong);
  }
  torch::Tensor step(const torch::Tensor &x) { return F::cross_entropy(fc(x), labels); }
};

void fieldConvertedInTheConstructor() {
  ConvertingTrainer t;
  auto loss = t.step(torch::randn({32, 10}));
}

//===--- Free helper functions --------------------------------------------===//

torch::Tensor probabilities(torch::nn::Linear &fc, const torch::Tensor &x) {
  return torch::softmax(fc(x), 1);
}

torch::Tensor logProbabilities(torch::nn::Linear &fc, const torch::Tensor &x) {
  return torch::log_softmax(fc(x), 1);
}

void helperReturnsProbabilities() {
  torch::nn::Linear fc(10, 3);
  auto loss = F::nll_loss(probabilities(fc, torch::randn({4, 10})),
                          torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of NLLLoss [4, 3] is a softmax, not a log_softmax
  // CHECK-MESSAGES: :[[@LINE-12]]:10: note: softmax applied here
}

// Negative: the helper returns log-probabilities.
void helperReturnsLogProbabilities() {
  torch::nn::Linear fc(10, 3);
  auto loss = F::nll_loss(logProbabilities(fc, torch::randn({4, 10})),
                          torch::randint(0, 3, {4}));
}

torch::Tensor bceLoss(const torch::Tensor &scores, const torch::Tensor &y) {
  return F::binary_cross_entropy_with_logits(scores, y);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: input of BCEWithLogitsLoss [8, 1] is already a sigmoid
}

void helperComputesTheLossOnASigmoid() {
  torch::nn::Linear fc(10, 1);
  auto loss = bceLoss(torch::sigmoid(fc(torch::randn({8, 10}))), torch::ones({8, 1}));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: note: reached through this call
}

// Negative: the helper gets the raw logits.
void helperComputesTheLossOnLogits() {
  torch::nn::Linear fc(10, 1);
  auto loss = bceLoss(fc(torch::randn({8, 10})), torch::ones({8, 1}));
}

// A count set through an out-parameter (a pointer or a reference).
void countRows(int64_t *rows) { *rows = 8; }
void countRowsByReference(int64_t &rows) { rows = 8; }

// Negative: the counts are 8 after the calls, not the 4 they started with.
void countsSetThroughOutParameters() {
  torch::nn::Linear fc(10, 3);
  int64_t rows = 4, more = 4;
  countRows(&rows);
  countRowsByReference(more);
  auto a = F::cross_entropy(fc(torch::randn({8, 10})),
                            torch::randint(0, 3, {rows}));
  auto b = F::cross_entropy(fc(torch::randn({8, 10})),
                            torch::randint(0, 3, {more}));
}

// Features standardized with mean and std (keepdim): the shapes stay known.
void standardizedFeatures() {
  torch::nn::Linear fc(4, 3);
  auto table = torch::randn({30, 5});
  auto features = table.narrow(1, 0, 4);
  auto normalized = (features - features.mean(0, /*keepdim=*/true)) /
                    features.std(0, /*unbiased=*/true, /*keepdim=*/true);
  auto loss = F::cross_entropy(fc(normalized), table.select(1, 4));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss holds class indices (shape [30] for input [30, 3]) but has dtype float
}

//===--- Lambdas ----------------------------------------------------------===//

void lambdaDrawsTooFewLabels() {
  torch::nn::Linear fc(10, 3);
  auto drawLabels = [](int64_t n) { return torch::randint(0, 3, {n}); };
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), drawLabels(16));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [32, 3] and int64 target of shape [16]: the batch sizes differ; LibTorch raises "Expected input batch_size (32) to match target batch_size (16)." [torch-cross-entropy-shape-mismatch]
}

// Negative: a label per sample.
void lambdaDrawsAFullBatch() {
  torch::nn::Linear fc(10, 3);
  auto drawLabels = [](int64_t n) { return torch::randint(0, 3, {n}); };
  auto loss = F::cross_entropy(fc(torch::randn({32, 10})), drawLabels(32));
}

void lambdaHeadCapturesTheModel() {
  torch::nn::Linear fc(10, 1);
  auto head = [&](const torch::Tensor &x) { return torch::sigmoid(fc(x)); };
  auto loss = F::binary_cross_entropy_with_logits(head(torch::randn({8, 10})),
                                                  torch::ones({8, 1}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of BCEWithLogitsLoss [8, 1] is already a sigmoid
}

// Negative: the lambda returns logits.
void lambdaHeadReturnsLogits() {
  torch::nn::Linear fc(10, 1);
  auto head = [&](const torch::Tensor &x) { return fc(x); };
  auto loss = F::binary_cross_entropy_with_logits(head(torch::randn({8, 10})),
                                                  torch::ones({8, 1}));
}

//===--- Function templates -----------------------------------------------===//

template <typename Criterion>
torch::Tensor sigmoidStep(Criterion &criterion, torch::nn::Linear &fc,
                          const torch::Tensor &x, const torch::Tensor &y) {
  return criterion(torch::sigmoid(fc(x)), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: input of BCEWithLogitsLoss{{( \[8, 1\])?}} is already a sigmoid
}

void templateInstantiatedWithLogitsLoss() {
  torch::nn::Linear fc(10, 1);
  torch::nn::BCEWithLogitsLoss withLogits;
  auto loss = sigmoidStep(withLogits, fc, torch::randn({8, 10}), torch::ones({8, 1}));
}

// Negative: the same template with BCELoss, which expects probabilities.
void templateInstantiatedWithBceLoss() {
  torch::nn::Linear fc(10, 1);
  torch::nn::BCELoss bce;
  auto loss = sigmoidStep(bce, fc, torch::randn({8, 10}), torch::ones({8, 1}));
}

template <typename Model>
torch::Tensor scores(Model &model, const torch::Tensor &x) {
  return model->forward(x);
}

void templateOverTheModel() {
  torch::nn::Sequential seq(torch::nn::Linear(10, 3), torch::nn::Softmax(1));
  auto loss = F::cross_entropy(scores(seq, torch::randn({4, 10})),
                               torch::randint(0, 3, {4}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of CrossEntropyLoss is already a softmax; CrossEntropyLoss applies log_softmax itself, so the loss cannot reach 0 and its gradients shrink; pass the raw logits [torch-softmax-before-cross-entropy]
}

// Negative: the same template over a model ending in Linear.
void templateOverALogitsModel() {
  torch::nn::Sequential seq(torch::nn::Linear(10, 3));
  auto loss = F::cross_entropy(scores(seq, torch::randn({4, 10})),
                               torch::randint(0, 3, {4}));
}

//===--- std::optional and std::function ----------------------------------===//

struct TemperedImpl : torch::nn::Module {
  TemperedImpl() { fc = register_module("fc", torch::nn::Linear(8, 4)); }
  torch::Tensor forward(const torch::Tensor &x,
                        std::optional<double> temperature = std::nullopt) {
    auto scores = fc(x);
    if (temperature.has_value())
      return torch::softmax(scores / *temperature, -1);
    return scores;
  }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Tempered);

void optionalTemperatureGiven() {
  Tempered model;
  const std::optional<double> temperature = 0.5;
  auto loss = F::cross_entropy(model(torch::randn({16, 8}), temperature),
                               torch::randint(0, 4, {16}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of CrossEntropyLoss is already a softmax
}

// Negative: without a temperature forward returns the scores.
void optionalTemperatureLeftOut() {
  Tempered model;
  auto loss = F::cross_entropy(model(torch::randn({16, 8})),
                               torch::randint(0, 4, {16}));
}

// Negative: std::nullopt passed, and an optional reset before the call.
void optionalTemperatureNulloptAndReset() {
  Tempered model;
  auto a = F::cross_entropy(model(torch::randn({16, 8}), std::nullopt),
                            torch::randint(0, 4, {16}));
  std::optional<double> temperature = 2.0;
  temperature.reset();
  auto b = F::cross_entropy(model(torch::randn({16, 8}), temperature),
                            torch::randint(0, 4, {16}));
}

void optionalSetByAssignmentAndTested() {
  torch::nn::Linear fc(8, 4);
  std::optional<torch::Tensor> probs;
  probs = torch::softmax(fc(torch::randn({16, 8})), 1);
  if (probs)
    auto loss = F::nll_loss(*probs, torch::randint(0, 4, {16}));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: input of NLLLoss [16, 4] is a softmax, not a log_softmax
}

// Negative: value_or falls back to the log-probabilities.
void optionalValueOrFallsBack() {
  torch::nn::Linear fc(8, 4);
  std::optional<torch::Tensor> probs;
  auto logits = fc(torch::randn({16, 8}));
  auto loss = F::nll_loss(probs.value_or(torch::log_softmax(logits, 1)),
                          torch::randint(0, 4, {16}));
}

class TaggerTrainer {
public:
  explicit TaggerTrainer(bool squash) : fc_(torch::nn::Linear(10, 4)) {
    if (squash)
      predict_ = [this](const torch::Tensor &x) { return fc_(x).sigmoid(); };
    else
      predict_ = [this](const torch::Tensor &x) { return fc_(x); };
  }
  torch::Tensor step(const torch::Tensor &x, const torch::Tensor &y) {
    return F::binary_cross_entropy_with_logits(predict_(x), y);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: input of BCEWithLogitsLoss [12, 4] is already a sigmoid
  }

private:
  torch::nn::Linear fc_;
  std::function<torch::Tensor(const torch::Tensor &)> predict_;
};

void functionMemberSetInTheConstructor() {
  TaggerTrainer trainer(/*squash=*/true);
  trainer.step(torch::randn({12, 10}), torch::ones({12, 4}));
}

// Negative: the same trainer whose member returns the logits.
void functionMemberReturningLogits() {
  TaggerTrainer trainer(/*squash=*/false);
  trainer.step(torch::randn({12, 10}), torch::ones({12, 4}));
}

//===--- Pieces: chunk, split, unbind -------------------------------------===//

struct OneAtATimeImpl : torch::nn::Module {
  OneAtATimeImpl() { fc = register_module("fc", torch::nn::Linear(20, 3)); }
  torch::Tensor forward(torch::Tensor features) {
    return fc(features.unsqueeze(0)); // written for one sample
  }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(OneAtATime);

void chunkedBatchesThroughAForwardThatAddsABatch() {
  OneAtATime model;
  auto xs = torch::randn({8, 20}).chunk(2);
  auto ys = torch::randint(0, 3, {8}).chunk(2);
  std::vector<std::pair<torch::Tensor, torch::Tensor>> batches;
  for (size_t i = 0; i < xs.size(); ++i)
    batches.emplace_back(xs[i], ys[i]);
  for (auto &[x, y] : batches)
    auto loss = F::cross_entropy(model(x), y);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: input of CrossEntropyLoss has shape [1, 4, 3] after unsqueeze(0), target has shape [4]; LibTorch raises "Expected input batch_size (1) to match target batch_size (4)."
}

void splitPiecesOfUnequalSizes() {
  torch::nn::Linear fc(20, 3);
  auto xs = torch::split(torch::randn({10, 20}), 4); // [4], [4], [2]
  auto ys = torch::randint(0, 3, {10}).split({4, 6});
  auto loss = F::cross_entropy(fc(xs[2]), ys[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [2, 3] and int64 target of shape [4]: the batch sizes differ
}

void unbindDropsTheDimension() {
  torch::nn::Linear fc(20, 3);
  auto ys = torch::randint(0, 3, {5, 8}).unbind(0); // five [8]
  auto loss = F::cross_entropy(fc(torch::randn({5, 20})), ys[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: CrossEntropyLoss receives input of shape [5, 3] and int64 target of shape [8]: the batch sizes differ
}

// Negative: pieces of logits and labels split alike, the last one shorter.
void chunkedLogitsAndLabelsAlike() {
  torch::nn::Linear fc(20, 3);
  auto xs = torch::randn({10, 20}).chunk(3, /*dim=*/0); // [4], [4], [2]
  auto ys = torch::randint(0, 3, {10}).chunk(3);
  for (size_t i = 0; i < xs.size(); ++i)
    auto loss = F::cross_entropy(fc(xs[i]), ys[i]);
  auto last = F::cross_entropy(fc(xs.back()), ys.back());
}

// Negative: the pieces of an extent that is not known.
void splitOfAnUnknownBatch(const torch::Tensor &x, const torch::Tensor &y) {
  torch::nn::Linear fc(20, 3);
  auto loss = F::cross_entropy(fc(x.split(4)[0]), y.split(4)[0]);
}

//===--- Virtual methods: the overrider of the object's class -------------===//

struct ScorerImpl : torch::nn::Module {
  ScorerImpl() { fc = register_module("fc", torch::nn::Linear(8, 1)); }
  virtual ~ScorerImpl() = default;
  virtual torch::Tensor score(const torch::Tensor &x) { return fc(x); }
  torch::nn::Linear fc{nullptr};
};

struct CalibratedScorerImpl : ScorerImpl {
  torch::Tensor score(const torch::Tensor &x) override {
    return torch::sigmoid(ScorerImpl::score(x));
  }
};

struct RawScorerImpl : ScorerImpl {
  torch::Tensor raw(const torch::Tensor &x) { return ScorerImpl::score(x); }
  torch::Tensor score(const torch::Tensor &x) override {
    return torch::sigmoid(raw(x));
  }
};

void overriderThroughAPointerToTheBase() {
  std::shared_ptr<ScorerImpl> scorer = std::make_shared<CalibratedScorerImpl>();
  auto loss = F::binary_cross_entropy_with_logits(
      scorer->score(torch::randn({16, 8})), torch::ones({16, 1}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of BCEWithLogitsLoss [16, 1] is already a sigmoid
}

// Negative: the base's own method, and a call that names the base's.
void baseMethodAndQualifiedCall() {
  std::shared_ptr<ScorerImpl> scorer = std::make_shared<ScorerImpl>();
  auto a = F::binary_cross_entropy_with_logits(
      scorer->score(torch::randn({16, 8})), torch::ones({16, 1}));
  auto raw = std::make_shared<RawScorerImpl>();
  auto b = F::binary_cross_entropy_with_logits(
      raw->raw(torch::randn({16, 8})), torch::ones({16, 1}));
}

//===--- switch on a known value ------------------------------------------===//

enum class Head { Identity, LogSoftmax, Softmax };

std::function<torch::Tensor(const torch::Tensor &)> makeHead(Head kind) {
  switch (kind) {
  case Head::LogSoftmax:
    return [](const torch::Tensor &t) { return torch::log_softmax(t, 1); };
  case Head::Softmax:
    return [](const torch::Tensor &t) { return torch::softmax(t, 1); };
  case Head::Identity:
  default:
    return [](const torch::Tensor &t) { return t; };
  }
}

struct ExperimentConfig {
  Head head = Head::Softmax;
};

void switchOnAConfiguredEnumerator() {
  ExperimentConfig cfg;
  torch::nn::Linear fc(8, 4);
  auto head = makeHead(cfg.head);
  auto loss =
      F::nll_loss(head(fc(torch::randn({6, 8}))), torch::randint(0, 4, {6}));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: input of NLLLoss [6, 4] is a softmax, not a log_softmax
}

// Negative: the enumerator picks log_softmax.
void switchPicksLogSoftmax() {
  torch::nn::Linear fc(8, 4);
  auto head = makeHead(Head::LogSoftmax);
  auto loss =
      F::nll_loss(head(fc(torch::randn({6, 8}))), torch::randint(0, 4, {6}));
}

int64_t classesFor(int level) {
  int64_t n = 2;
  switch (level) {
  case 0:
    n = 3;
    [[fallthrough]];
  case 1:
    n += 1;
    break;
  case 2:
    n = 10;
  }
  return n;
}

// Case 0 falls through into case 1: four classes, one more than the head's.
void switchFallsThroughIntoTheNextCase() {
  torch::nn::Linear fc(8, 3);
  auto loss = F::cross_entropy(fc(torch::randn({6, 8})),
                               torch::full({6}, classesFor(0) - 1, torch::kLong));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: target of CrossEntropyLoss has values {3} but the input [6, 3] has C = 3 classes
}

// Negative: case 1 breaks before case 2; no case takes 7 and there is no
// default.
void switchBreaksAndSkips() {
  torch::nn::Linear fc(8, 3);
  auto a = F::cross_entropy(fc(torch::randn({6, 8})),
                            torch::full({6}, classesFor(1) - 1, torch::kLong));
  auto b = F::cross_entropy(fc(torch::randn({6, 8})),
                            torch::full({6}, classesFor(7) - 1, torch::kLong));
}

//===--- Elements of standard containers written --------------------------===//

// A label vector's element set to a class the head does not have.
void vectorElementSetPastTheClasses() {
  torch::nn::Linear fc(10, 3);
  std::vector<int64_t> labels = {0, 1, 2};
  labels[2] = 3;
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), torch::tensor(labels));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: target of CrossEntropyLoss has values {0, 1, 3} but the input [3, 3] has C = 3 classes: 3 is outside [0, 2] and not ignore_index -100; LibTorch raises "Target 3 is out of bounds." [torch-target-out-of-range]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: confirmed on sample data [3, 3] / [3] drawn from the values {0, 1, 3}: the first offending sampled value is 3, at target[0]; CrossEntropyLoss raises "Target 3 is out of bounds."
  // CHECK-MESSAGES: :[[@LINE-3]]:59: note: torch::tensor holds the values {0, 1, 3}
  // CHECK-MESSAGES: :[[@LINE-7]]:21: note: this Linear outputs 3 features
}

// Outputs kept in a std::map by name; the sigmoid's is read back by key.
void mapFilledByKey() {
  torch::nn::Linear fc(10, 4);
  std::map<std::string, torch::Tensor> out;
  out["logits"] = fc(torch::randn({8, 10}));
  out["probs"] = torch::sigmoid(out["logits"]);
  auto loss = F::binary_cross_entropy_with_logits(out.at("probs"),
                                                  torch::rand({8, 4}));
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: input of BCEWithLogitsLoss [8, 4] is already a sigmoid; BCEWithLogitsLoss applies the sigmoid itself, so its predictions are confined to (0.5, 0.73) and the loss cannot approach 0; pass the raw logits [torch-sigmoid-before-bce-with-logits]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: confirmed on sample data [8, 4] / [8, 4]: a perfect prediction still costs 0.693 (log 2) on targets of 0 and 0.313 (log(1 + 1/e)) on targets of 1 instead of 0, and the gradients on the logits are 4.8x smaller than without the sigmoid
  // CHECK-MESSAGES: :[[@LINE-5]]:18: note: sigmoid applied here
}

// Negative: the bad label is fixed through the vector's element.
void vectorElementFixed() {
  torch::nn::Linear fc(10, 3);
  std::vector<int64_t> labels = {0, 7, 1};
  labels[1] = 2;
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), torch::tensor(labels));
}

// Negative: fixed through a reference to the element.
void vectorElementFixedThroughAReference() {
  torch::nn::Linear fc(10, 3);
  std::vector<int64_t> labels = {0, 7, 1};
  int64_t &bad = labels[1];
  bad = 2;
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), torch::tensor(labels));
}

// Negative: fixed by a helper that takes the element by reference.
void clampToClasses(int64_t &label) { label = std::min<int64_t>(label, 2); }
void vectorElementFixedByAHelper() {
  torch::nn::Linear fc(10, 3);
  std::vector<int64_t> labels = {0, 7, 1};
  clampToClasses(labels[1]);
  auto loss = F::cross_entropy(fc(torch::randn({3, 10})), torch::tensor(labels));
}

// Negative: the class count is raised through a reference to it.
void classCountRaisedThroughAReference() {
  int64_t classes = 3;
  int64_t &count = classes;
  count = 5;
  torch::nn::Linear fc(10, classes);
  auto loss = F::cross_entropy(fc(torch::randn({8, 10})),
                               torch::randint(0, 5, {8}));
}

// Negative: the map's entry read back is the one that holds the logits.
void mapEntryOverwritten() {
  torch::nn::Linear fc(10, 4);
  std::map<std::string, torch::Tensor> out;
  out["scores"] = torch::sigmoid(fc(torch::randn({8, 10})));
  out["scores"] = fc(torch::randn({8, 10}));
  auto loss = F::binary_cross_entropy_with_logits(out.at("scores"),
                                                  torch::rand({8, 4}));
}
