//===--- ConfirmationTest.cpp - Findings replayed on sample data ----------===//
//
// The notes of the confirmation, on facts written by hand: the messages are
// LibTorch 1.13's, and the numbers were recomputed outside torchlint (the
// formulas for the lowest losses; a Python transcription of the seeded
// sampler and of the gradients for the ratios).
//
//===----------------------------------------------------------------------===//

#include "Confirmation.h"
#include "gtest/gtest.h"

using namespace torchlint;

namespace {

Shape shape(std::initializer_list<int64_t> Dims) {
  llvm::SmallVector<Dim, 4> S;
  for (int64_t D : Dims)
    S.push_back(D < 0 ? Dim() : Dim(D)); // -1 stands for an unknown size
  return S;
}

TensorFact tensor(Shape Sizes, std::optional<DType> Type) {
  TensorFact F;
  F.Sizes = std::move(Sizes);
  F.Type = Type;
  return F;
}

LossCallFacts crossEntropy(Shape In, Shape Tg,
                           std::optional<DType> TgType = DType::Long) {
  return {LossKind::CrossEntropy, tensor(std::move(In), DType::Float),
          tensor(std::move(Tg), TgType), std::nullopt};
}

TEST(Confirmation, StrayUnsqueezeRaisesLibTorchsMessage) {
  Confirmation C =
      confirm(Claim::raises("Expected target size [32, 3], got [32]"),
              crossEntropy(shape({32, 1, 3}), shape({32})));
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [32, 1, 3] / [32]: "
                    "CrossEntropyLoss raises \"Expected target size [32, 3], "
                    "got [32]\"");
}

TEST(Confirmation, UnknownSizesAreFilledAndSaidSo) {
  // The batch is unknown on both sides: the same default on both, so that
  // the target size is what fails.
  Confirmation C =
      confirm(Claim::raises("Expected target size [?, 3], got [?]"),
              crossEntropy(shape({-1, 1, 3}), shape({-1})));
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [4, 1, 3] / [4] (unknown sizes "
                    "set to 4): CrossEntropyLoss raises \"Expected target "
                    "size [4, 3], got [4]\"");
  // A size known on one side is the other's: nothing is set to a default.
  C = confirm(Claim::raises("Expected target size [?, 3], got [16]"),
              crossEntropy(shape({-1, 1, 3}), shape({16})));
  EXPECT_EQ(C.Note, "confirmed on sample data [16, 1, 3] / [16]: "
                    "CrossEntropyLoss raises \"Expected target size [16, 3], "
                    "got [16]\"");
}

TEST(Confirmation, HugeShapesAreClampedKeepingTheMistake) {
  Confirmation C = confirm(
      Claim::raises("Expected input batch_size (1000000000) to match target "
                    "batch_size (999999999)."),
      crossEntropy(shape({1000000000, 1000000}), shape({999999999})));
  EXPECT_TRUE(C.Confirmed) << C.Note;
  EXPECT_EQ(C.Note, "confirmed on sample data [19, 17] / [18] (clamped from "
                    "[1000000000, 1000000] / [999999999]): CrossEntropyLoss "
                    "raises \"Expected input batch_size (19) to match target "
                    "batch_size (18).\"");
}

TEST(Confirmation, LogitsTooLargeToSampleAreAShape) {
  // The checks never read the logits: 131M of them are not allocated, and
  // the message keeps the real sizes.
  Confirmation C = confirm(Claim::raises(""),
                           crossEntropy(shape({8, 32000, 512}), shape({8})));
  EXPECT_TRUE(C.Confirmed) << C.Note;
  EXPECT_NE(C.Note.find("sample data [8, 32000, 512] (shape only) / [8]: "
                        "CrossEntropyLoss raises \""),
            std::string::npos)
      << C.Note;
}

TEST(Confirmation, FloatClassTarget) {
  Confirmation C =
      confirm(Claim::raises("expected scalar type Long but found Float"),
              crossEntropy(shape({32, 3}), shape({32}), DType::Float));
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [32, 3] / [32] float: "
                    "CrossEntropyLoss raises \"expected scalar type Long but "
                    "found Float\"");
  C = confirm(Claim::raises("expected scalar type Long but found Half"),
              crossEntropy(shape({32, 3}), shape({32}), DType::Half));
  EXPECT_TRUE(C.Confirmed) << C.Note;
}

TEST(Confirmation, AnEmptyBatchRaisesInBackward) {
  // LibTorch's forward pass accepts an empty batch of int8 class indices;
  // backward() raises the dtype error.
  Confirmation C =
      confirm(Claim::raises("expected scalar type Long but found Char"),
              crossEntropy(shape({0, 3}), shape({0}), DType::Char));
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [0, 3] / [0] int8: "
                    "CrossEntropyLoss's backward() raises \"expected scalar "
                    "type Long but found Char\"");
}

TEST(Confirmation, AClaimTheKernelDoesNotReproduceIsUnconfirmed) {
  Confirmation C =
      confirm(Claim::raises("Expected target size [32, 3], got [32]"),
              crossEntropy(shape({32, 3}), shape({32})));
  EXPECT_FALSE(C.Confirmed);
  EXPECT_EQ(C.Note, "unconfirmed on sample data [32, 3] / [32]: "
                    "CrossEntropyLoss returns without raising");
  C = confirm(Claim::raises("expected scalar type Long but found Float"),
              crossEntropy(shape({32, 3}), shape({16})));
  EXPECT_FALSE(C.Confirmed);
  EXPECT_EQ(C.Note, "unconfirmed on sample data [32, 3] / [16]: "
                    "CrossEntropyLoss raises \"Expected input batch_size (32) "
                    "to match target batch_size (16).\"");
  C = confirm(Claim::raises("expected scalar type Long but found Float"),
              crossEntropy(shape({32, 3}), shape({32}), DType::Complex));
  EXPECT_FALSE(C.Confirmed);
}

TEST(Confirmation, TargetOutOfRangeNamesTheFirstOffendingSample) {
  // torch::randint(1, 4, {32}) for 3 classes. The seeded draw (recomputed
  // in Python) starts with a 3.
  LossCallFacts F = crossEntropy(shape({32, 3}), shape({32}));
  F.Target.Range = ValueRange::uniform(1, 3);
  Confirmation C = confirm(Claim::of(Claim::TargetOutOfRange), F);
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [32, 3] / [32] drawn from the "
                    "values in [1, 3]: the first offending sampled value is "
                    "3, at target[0]; CrossEntropyLoss raises \"Target 3 is "
                    "out of bounds.\"");
  // A -1 padding with the default ignore_index: the draw's second value.
  F.Target.Range = ValueRange::uniform(-1, 2);
  C = confirm(Claim::of(Claim::TargetOutOfRange), F);
  EXPECT_TRUE(C.Confirmed);
  EXPECT_NE(C.Note.find("value is -1, at target[1]; CrossEntropyLoss raises "
                        "\"Target -1 is out of bounds.\""),
            std::string::npos)
      << C.Note;
  // ...which is no mistake when -1 is the ignore_index.
  F.IgnoreIndex = -1;
  F.Target.Range = ValueRange::uniform(-1, 1);
  C = confirm(Claim::of(Claim::TargetOutOfRange), F);
  EXPECT_FALSE(C.Confirmed);
  EXPECT_NE(C.Note.find("no sampled value is out of range in 16 draws"),
            std::string::npos)
      << C.Note;
}

TEST(Confirmation, AUniformDrawIsSampledAgainUntilItOffends) {
  // Batches of 4 labels drawn from [0, 3] for 3 classes: each batch holds a
  // 3 with probability 1 - (3/4)^4 = 0.68. The seeded draws (recomputed in
  // Python) are {0, 0, 2, 2}, {0, 2, 1, 2}, {1, 2, 1, 2}, {1, 3, 1, 3}.
  LossCallFacts F = crossEntropy(shape({4, 3}), shape({4}));
  F.Target.Range = ValueRange::uniform(0, 3);
  Confirmation C = confirm(Claim::of(Claim::TargetOutOfRange), F);
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [4, 3] / [4] drawn from the "
                    "values in [0, 3]: the first offending sampled value is "
                    "3, at target[1] of draw 4 of the target; "
                    "CrossEntropyLoss raises \"Target 3 is out of bounds.\"");
}

TEST(Confirmation, ValuesThatProvablyOccurAreSampled) {
  // Values {0, 1, 2, 3} all known to occur, 3 of them out of range for C = 3.
  LossCallFacts F = crossEntropy(shape({4, 3}), shape({4}));
  F.Target.Range = ValueRange::of({0, 1, 2, 3});
  Confirmation C = confirm(Claim::of(Claim::TargetOutOfRange), F);
  EXPECT_TRUE(C.Confirmed) << C.Note;
  EXPECT_NE(C.Note.find("the first offending sampled value is 3"),
            std::string::npos)
      << C.Note;
}

TEST(Confirmation, SoftmaxBeforeCrossEntropyShowsTheDamage) {
  // log(1 + 2/e) = 0.551; the gradient ratio on the seeded sample, 3.90.
  LossCallFacts F = crossEntropy(shape({32, 3}), shape({32}));
  F.Input.Act = Activation::Softmax;
  Confirmation C = confirm(Claim::of(Claim::SoftmaxBeforeCrossEntropy), F);
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [32, 3] / [32]: a perfect "
                    "prediction still costs 0.551 (log(1 + (C-1)/e) for C = "
                    "3) instead of 0, and the gradients on the logits are "
                    "3.9x smaller than without the softmax");
  EXPECT_EQ(
      C.Note,
      confirm(Claim::of(Claim::SoftmaxBeforeCrossEntropy), F).Note); // seeded
}

TEST(Confirmation, SoftmaxOfHugeInputsIsClampedBatchFirst) {
  // [1e9, 1e6]: one row of a million classes, log(1 + 999999/e) = 12.816.
  LossCallFacts F = crossEntropy(shape({1000000000, 1000000}), shape({-1}));
  Confirmation C = confirm(Claim::of(Claim::SoftmaxBeforeCrossEntropy), F);
  EXPECT_TRUE(C.Confirmed) << C.Note;
  EXPECT_NE(C.Note.find("sample data [1, 1000000] / [1] (clamped from "
                        "[1000000000, 1000000] / [1000000000])"),
            std::string::npos)
      << C.Note;
  EXPECT_NE(C.Note.find("costs 12.816 (log(1 + (C-1)/e) for C = 1000000)"),
            std::string::npos)
      << C.Note;
}

TEST(Confirmation, SoftmaxOfOneClassDoesNoHarm) {
  LossCallFacts F = crossEntropy(shape({8, 1}), shape({8}));
  Confirmation C = confirm(Claim::of(Claim::SoftmaxBeforeCrossEntropy), F);
  EXPECT_FALSE(C.Confirmed) << C.Note;
  EXPECT_EQ(C.Note.rfind("unconfirmed on sample data [8, 1] / [8]", 0), 0u)
      << C.Note;
}

TEST(Confirmation, SoftmaxBeforeNllLoss) {
  // Recomputed in Python: 4.0x overall, 35.9x on the row whose target has
  // probability 0.028.
  LossCallFacts F = crossEntropy(shape({32, 3}), shape({32}));
  F.Kind = LossKind::NLL;
  Confirmation C = confirm(Claim::of(Claim::SoftmaxBeforeNll), F);
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [32, 3] / [32]: the gradients "
                    "on the logits are 4.0x smaller than with log_softmax, "
                    "and 36x smaller on the row whose target is least likely "
                    "(p = 0.028)");
}

TEST(Confirmation, SigmoidBeforeBceWithLogits) {
  // log 2 = 0.693, log(1 + 1/e) = 0.313; the gradient ratio 4.83.
  LossCallFacts F{LossKind::BCEWithLogits, tensor(shape({32, 1}), DType::Float),
                  tensor(shape({32, 1}), DType::Float), std::nullopt};
  Confirmation C = confirm(Claim::of(Claim::SigmoidBeforeBce), F);
  EXPECT_TRUE(C.Confirmed);
  EXPECT_EQ(C.Note, "confirmed on sample data [32, 1] / [32, 1]: a perfect "
                    "prediction still costs 0.693 (log 2) on targets of 0 and "
                    "0.313 (log(1 + 1/e)) on targets of 1 instead of 0, and "
                    "the gradients on the logits are 4.8x smaller than "
                    "without the sigmoid");
}

} // namespace
