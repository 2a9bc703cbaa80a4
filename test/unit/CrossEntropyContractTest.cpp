//===--- CrossEntropyContractTest.cpp - LibTorch's checks, replayed -------===//
//
// Each case is a row of what LibTorch 1.13 does (measured with libtorch-dev;
// see docs/design.md and test/corpus/README.md): the shapes and the target
// dtype, and the outcome LibTorch gives.
//
//===----------------------------------------------------------------------===//

#include "CrossEntropyContract.h"
#include "gtest/gtest.h"

using namespace torchlint;

namespace {

Shape shape(std::initializer_list<int64_t> Dims) {
  llvm::SmallVector<Dim, 4> S;
  for (int64_t D : Dims)
    S.push_back(D < 0 ? Dim() : Dim(D)); // -1 stands for an unknown size
  return S;
}

ContractVerdict crossEntropy(Shape In, Shape Tg, std::optional<DType> T) {
  return checkLossContract(LossKind::CrossEntropy, In, Tg, T);
}

void expectRaises(const ContractVerdict &V, ContractVerdict::StageTy Stage,
                  const std::string &Message) {
  EXPECT_EQ(V.Outcome, ContractVerdict::Raises);
  EXPECT_EQ(V.Stage, Stage);
  EXPECT_EQ(V.Message, Message);
}

TEST(CrossEntropyContract, ValidClassIndices) {
  EXPECT_EQ(crossEntropy(shape({32, 3}), shape({32}), DType::Long).Outcome,
            ContractVerdict::Valid);
  EXPECT_EQ(crossEntropy(shape({2, 4, 8, 8}), shape({2, 8, 8}), DType::Long)
                .Outcome,
            ContractVerdict::Valid);
  EXPECT_EQ(crossEntropy(shape({3}), shape({}), DType::Long).Outcome,
            ContractVerdict::Valid);
}

TEST(CrossEntropyContract, UnsqueezedInput) {
  expectRaises(crossEntropy(shape({32, 1, 3}), shape({32}), DType::Long),
               ContractVerdict::TargetSize,
               "Expected target size [32, 3], got [32]");
  expectRaises(crossEntropy(shape({1, 32, 3}), shape({32}), DType::Long),
               ContractVerdict::BatchSize,
               "Expected input batch_size (1) to match target batch_size "
               "(32).");
  expectRaises(crossEntropy(shape({4, 3, 1}), shape({4}), DType::Long),
               ContractVerdict::TargetSize,
               "Expected target size [4, 1], got [4]");
}

TEST(CrossEntropyContract, UnsqueezedTarget) {
  expectRaises(crossEntropy(shape({32, 3}), shape({32, 1}), DType::Long),
               ContractVerdict::TargetRank,
               "0D or 1D target tensor expected, multi-target not supported");
  expectRaises(crossEntropy(shape({2, 3, 5}), shape({2, 1, 5}), DType::Long),
               ContractVerdict::TargetSize,
               "Expected target size [2, 5], got [2, 1, 5]");
  expectRaises(crossEntropy(shape({2, 4, 16, 16}), shape({2, 1, 16, 16}),
                            DType::Long),
               ContractVerdict::TargetRank,
               "only batches of spatial targets supported (3D tensors) but "
               "got targets of dimension: 4");
}

TEST(CrossEntropyContract, BatchAndSpatialMismatch) {
  expectRaises(crossEntropy(shape({32, 3}), shape({16}), DType::Long),
               ContractVerdict::BatchSize,
               "Expected input batch_size (32) to match target batch_size "
               "(16).");
  expectRaises(crossEntropy(shape({2, 3, 4, 4}), shape({2, 8, 8}),
                            DType::Long),
               ContractVerdict::TargetSize,
               "size mismatch (got input: [2, 3, 4, 4] , target: [2, 8, 8]");
  expectRaises(crossEntropy(shape({3}), shape({1}), DType::Long),
               ContractVerdict::TargetRank,
               "size mismatch (got input: [3], target: [1])");
  // A 0-d target against a batch: LibTorch reads its batch size as 0, past
  // the end of its sizes; the message is not one to quote.
  ContractVerdict ZeroD = crossEntropy(shape({1, 3}), shape({}), DType::Long);
  EXPECT_EQ(ZeroD.Stage, ContractVerdict::BatchSize);
  EXPECT_FALSE(ZeroD.Exact);
}

TEST(CrossEntropyContract, ClassIndexDTypes) {
  expectRaises(crossEntropy(shape({32, 3}), shape({32}), DType::Float),
               ContractVerdict::IndexType,
               "expected scalar type Long but found Float");
  expectRaises(crossEntropy(shape({32, 3}), shape({32}), DType::Int),
               ContractVerdict::IndexType,
               "expected scalar type Long but found Int");
  expectRaises(crossEntropy(shape({32, 3}), shape({32}), DType::Bool),
               ContractVerdict::IndexType,
               "expected scalar type Long but found Bool");
  // uint8 is accepted by the 2-D kernel only.
  EXPECT_EQ(crossEntropy(shape({32, 3}), shape({32}), DType::Byte).Outcome,
            ContractVerdict::Valid);
  expectRaises(crossEntropy(shape({2, 4, 8, 8}), shape({2, 8, 8}),
                            DType::Byte),
               ContractVerdict::IndexType,
               "expected scalar type Long but found Byte");
  expectRaises(crossEntropy(shape({2, 4, 8}), shape({2, 8}), DType::Byte),
               ContractVerdict::IndexType,
               "expected scalar type Long but found Byte");
}

TEST(CrossEntropyContract, ShapeErrorsComeBeforeDTypeErrors) {
  ContractVerdict V =
      crossEntropy(shape({2, 4, 8, 8}), shape({2, 1, 8, 8}), DType::Float);
  EXPECT_EQ(V.Stage, ContractVerdict::TargetRank);
}

TEST(CrossEntropyContract, ClassProbabilities) {
  EXPECT_EQ(crossEntropy(shape({32, 3}), shape({32, 3}), DType::Float).Outcome,
            ContractVerdict::Valid);
  EXPECT_EQ(
      crossEntropy(shape({32, 3}), shape({32, 3}), DType::Double).Outcome,
      ContractVerdict::Valid);
  expectRaises(crossEntropy(shape({32, 3}), shape({32, 3}), DType::Long),
               ContractVerdict::ProbabilityType,
               "Expected floating point type for target with class "
               "probabilities, got Long");
  // NLLLoss has no probability reading.
  expectRaises(checkLossContract(LossKind::NLL, shape({32, 3}), shape({32, 3}),
                                 DType::Float),
               ContractVerdict::TargetRank,
               "0D or 1D target tensor expected, multi-target not supported");
}

TEST(CrossEntropyContract, UnknownSizes) {
  // A batch size that cannot be known: the rank error is still certain, its
  // message is not (the batch check may fail first).
  ContractVerdict V = crossEntropy(shape({-1, 1, 3}), shape({-1}), DType::Long);
  EXPECT_TRUE(V.raisesOnShape());
  EXPECT_FALSE(V.Exact);
  // Same rank, sizes unknown: probabilities or class indices cannot be told.
  EXPECT_EQ(crossEntropy(shape({-1, 3}), shape({-1, -1}), DType::Float).Outcome,
            ContractVerdict::Unknown);
  // An int64 target of the input's rank raises on both readings.
  EXPECT_TRUE(crossEntropy(shape({-1, 3}), shape({1, -1}), DType::Long)
                  .raisesOnShape());
  // Without the dtype, nothing is proven about a target of the right shape.
  EXPECT_EQ(crossEntropy(shape({32, 3}), shape({32}), std::nullopt).Outcome,
            ContractVerdict::Unknown);
  EXPECT_EQ(checkLossContract(LossKind::CrossEntropy, std::nullopt,
                              shape({32}), DType::Float)
                .Outcome,
            ContractVerdict::Unknown);
}

TEST(CrossEntropyContract, WithoutDim) {
  EXPECT_EQ(withoutDim(shape({32, 1, 3}), 1), shape({32, 3}));
  EXPECT_EQ(withoutDim(shape({32, 2, 3}), 1), std::nullopt);
  EXPECT_EQ(withoutDim(shape({32, 3}), 5), std::nullopt);
}

} // namespace
