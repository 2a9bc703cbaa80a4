//===--- LossKernelTest.cpp - The bundled loss kernel ---------------------===//
//
// The numbers against the losses' formulas, evaluated here in double, and
// every error message against LibTorch 1.13's (as libtorch-dev prints them;
// LossKernelDifferentialTest.cpp checks them against LibTorch itself). Built
// a second time with the kernel under AddressSanitizer and
// UndefinedBehaviorSanitizer.
//
//===----------------------------------------------------------------------===//

#include "LossKernel.h"
#include "Compute.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <list>
#include <numeric>
#include <random>
#include <thread>

using namespace torchlint::kernel;

namespace {

const double Inf = std::numeric_limits<double>::infinity();
const double NaN = std::numeric_limits<double>::quiet_NaN();

/// A tensor's bytes, kept until the program ends so that a view of a
/// temporary Tensor stays valid.
std::list<std::vector<unsigned char>> &storage() {
  static std::list<std::vector<unsigned char>> Buffers;
  return Buffers;
}

/// A tensor the test makes: its values in their dtype, and the view of them.
class Tensor {
public:
  Tensor(ScalarType Dtype, std::vector<int64_t> Sizes,
         const std::vector<double> &Values)
      : Dtype(Dtype), Sizes(std::move(Sizes)),
        Bytes(storage().emplace_back(Values.size() * elementSize(Dtype) + 1)) {
    for (std::size_t I = 0; I < Values.size(); ++I)
      store(I, Values[I]);
    Count = Values.size();
  }

  TensorView view() const { return {Dtype, Sizes, Bytes.data(), Count}; }
  operator TensorView() const { return view(); }

private:
  template <typename T> void put(std::size_t I, T Value) {
    std::memcpy(Bytes.data() + I * sizeof(T), &Value, sizeof(T));
  }
  void store(std::size_t I, double V) {
    switch (Dtype) {
    case ScalarType::Byte:
    case ScalarType::Bool:
      return put<uint8_t>(I, static_cast<uint8_t>(V));
    case ScalarType::Char:
      return put<int8_t>(I, static_cast<int8_t>(V));
    case ScalarType::Short:
      return put<int16_t>(I, static_cast<int16_t>(V));
    case ScalarType::Int:
      return put<int32_t>(I, static_cast<int32_t>(V));
    case ScalarType::Long:
      return put<int64_t>(I, static_cast<int64_t>(V));
    case ScalarType::Float:
      return put<float>(I, static_cast<float>(V));
    case ScalarType::Double:
      return put<double>(I, V);
    case ScalarType::Half: // exact for the small integers the tests use
    case ScalarType::BFloat16: {
      float F = static_cast<float>(V);
      uint32_t Bits;
      std::memcpy(&Bits, &F, sizeof(Bits));
      if (Dtype == ScalarType::BFloat16)
        return put<uint16_t>(I, static_cast<uint16_t>(Bits >> 16));
      uint32_t Exponent = ((Bits >> 23) & 0xff);
      uint16_t Half = V == 0 ? 0
                             : static_cast<uint16_t>(((Bits >> 16) & 0x8000) |
                                                     ((Exponent - 112) << 10) |
                                                     ((Bits >> 13) & 0x3ff));
      return put<uint16_t>(I, Half);
    }
    }
  }

  ScalarType Dtype;
  std::vector<int64_t> Sizes;
  // operator new's alignment suits every element type.
  std::vector<unsigned char> &Bytes;
  int64_t Count = 0;
};

std::vector<double> fill(int64_t N, double V) {
  return std::vector<double>(N, V);
}

/// Deterministic logits in [-2, 2).
std::vector<double> ramp(int64_t N, int Seed = 0) {
  std::vector<double> V(N);
  for (int64_t I = 0; I < N; ++I)
    V[I] = ((I * 37 + Seed * 11) % 41) / 10.0 - 2.0;
  return V;
}

Tensor floats(std::vector<int64_t> Sizes, std::vector<double> Values) {
  return Tensor(ScalarType::Float, std::move(Sizes), Values);
}
Tensor doubles(std::vector<int64_t> Sizes, std::vector<double> Values) {
  return Tensor(ScalarType::Double, std::move(Sizes), Values);
}
Tensor longs(std::vector<int64_t> Sizes, std::vector<double> Values) {
  return Tensor(ScalarType::Long, std::move(Sizes), Values);
}
Tensor typed(ScalarType T, std::vector<int64_t> Sizes) {
  int64_t N = std::accumulate(Sizes.begin(), Sizes.end(), int64_t(1),
                              std::multiplies<int64_t>());
  return Tensor(T, std::move(Sizes), fill(N, 0));
}

LossOptions reduce(Reduction R) {
  LossOptions O;
  O.Reduce = R;
  return O;
}

/// log_softmax of one row, in double.
std::vector<double> logSoftmax(const std::vector<double> &X) {
  double M = *std::max_element(X.begin(), X.end()), Sum = 0;
  for (double V : X)
    Sum += std::exp(V - M);
  std::vector<double> Out;
  for (double V : X)
    Out.push_back(V - M - std::log(Sum));
  return Out;
}

std::vector<double> row(const std::vector<double> &X, int64_t R, int64_t C) {
  return std::vector<double>(X.begin() + R * C, X.begin() + (R + 1) * C);
}

void expectNear(const std::vector<double> &Actual,
                const std::vector<double> &Expected, double Tol = 1e-6) {
  ASSERT_EQ(Actual.size(), Expected.size());
  for (std::size_t I = 0; I < Actual.size(); ++I) {
    if (std::isnan(Expected[I]))
      EXPECT_TRUE(std::isnan(Actual[I])) << "element " << I;
    else if (std::isinf(Expected[I]))
      EXPECT_EQ(Actual[I], Expected[I]) << "element " << I;
    else
      EXPECT_NEAR(Actual[I], Expected[I],
                  Tol * std::max(1.0, std::abs(Expected[I])))
          << "element " << I;
  }
}

/// The expected loss (mean over rows, weight 1) and gradient of
/// cross_entropy on [N, C] logits with class targets (-100: ignored).
void crossEntropyReference(const std::vector<double> &X, int64_t C,
                           const std::vector<int64_t> &Targets, double &Loss,
                           std::vector<double> &Grad) {
  int64_t N = Targets.size(), Kept = 0;
  double Sum = 0;
  Grad.assign(X.size(), 0);
  for (int64_t R = 0; R < N; ++R)
    Kept += Targets[R] != -100;
  for (int64_t R = 0; R < N; ++R) {
    if (Targets[R] == -100)
      continue;
    std::vector<double> L = logSoftmax(row(X, R, C));
    Sum -= L[Targets[R]];
    for (int64_t K = 0; K < C; ++K)
      Grad[R * C + K] = (std::exp(L[K]) - (K == Targets[R])) / Kept;
  }
  Loss = Sum / Kept;
}

LossInfo expectRaises(LossFunction F, const TensorView &In,
                      const TensorView &Tg, const LossOptions &Opts,
                      const std::string &Message) {
  LossResult R = computeLoss(F, In, Tg, Opts);
  EXPECT_EQ(R.Code, Status::TorchError) << R.Message;
  EXPECT_EQ(R.Message, Message);
  EXPECT_FALSE(R.InBackward);
  // The check alone says the same, without the logits.
  TensorView Shape = In;
  Shape.Data = nullptr;
  LossInfo C = checkLoss(F, Shape, Tg, Opts);
  EXPECT_EQ(C.Code, Status::TorchError);
  EXPECT_EQ(C.Message, Message);
  return R;
}

void expectCeRaises(const TensorView &In, const TensorView &Tg,
                    const std::string &Message, LossOptions Opts = {}) {
  expectRaises(LossFunction::CrossEntropy, In, Tg, Opts, Message);
}

//===----------------------------------------------------------------------===//
// cross_entropy's numbers
//===----------------------------------------------------------------------===//

TEST(CrossEntropy, OneRow) {
  LossResult R = crossEntropy(floats({1, 3}, {1, 2, 3}), longs({1}, {2}));
  ASSERT_TRUE(R.ok()) << R.Message;
  EXPECT_EQ(R.LossDtype, ScalarType::Float);
  EXPECT_EQ(R.GradDtype, ScalarType::Float);
  EXPECT_TRUE(R.LossSizes.empty());
  // log(e + e^2 + e^3) - 3 and softmax - onehot.
  expectNear(R.Loss, {0.40760596444438});
  expectNear(R.Grad, {0.09003057317038, 0.24472847105480, -0.33475904422518});
}

TEST(CrossEntropy, MeanOverRowsInDouble) {
  std::vector<double> X = ramp(6 * 5);
  std::vector<int64_t> Targets = {0, 4, 2, 2, 1, 3};
  double Loss;
  std::vector<double> Grad;
  crossEntropyReference(X, 5, Targets, Loss, Grad);
  LossResult R =
      crossEntropy(doubles({6, 5}, X), longs({6}, {0, 4, 2, 2, 1, 3}));
  ASSERT_TRUE(R.ok()) << R.Message;
  EXPECT_EQ(R.LossDtype, ScalarType::Double);
  expectNear(R.Loss, {Loss}, 1e-13);
  expectNear(R.Grad, Grad, 1e-13);
}

TEST(CrossEntropy, Reductions) {
  std::vector<double> X = ramp(4 * 3);
  Tensor In = floats({4, 3}, X), Tg = longs({4}, {0, 1, 2, 1});
  LossResult None = crossEntropy(In, Tg, reduce(Reduction::None));
  LossResult Sum = crossEntropy(In, Tg, reduce(Reduction::Sum));
  LossResult Mean = crossEntropy(In, Tg);
  ASSERT_TRUE(None.ok() && Sum.ok() && Mean.ok());
  EXPECT_EQ(None.LossSizes, std::vector<int64_t>{4});
  double Total = 0;
  int Targets[] = {0, 1, 2, 1};
  for (int64_t R = 0; R < 4; ++R) {
    EXPECT_NEAR(None.Loss[R], -logSoftmax(row(X, R, 3))[Targets[R]], 1e-6);
    Total += None.Loss[R];
  }
  EXPECT_NEAR(Sum.Loss[0], Total, 1e-5);
  EXPECT_NEAR(Mean.Loss[0], Total / 4, 1e-6);
  // Unreduced and summed losses have the same gradient, four times the mean's.
  for (std::size_t I = 0; I < Sum.Grad.size(); ++I) {
    EXPECT_NEAR(None.Grad[I], Sum.Grad[I], 1e-7);
    EXPECT_NEAR(Sum.Grad[I], 4 * Mean.Grad[I], 1e-6);
  }
}

TEST(CrossEntropy, UpstreamGradient) {
  Tensor In = floats({2, 3}, ramp(6)), Tg = longs({2}, {1, 2});
  LossOptions O = reduce(Reduction::None);
  O.GradOutput = floats({2}, {2, -0.5});
  LossResult Scaled = crossEntropy(In, Tg, O);
  LossResult Plain = crossEntropy(In, Tg, reduce(Reduction::None));
  ASSERT_TRUE(Scaled.ok()) << Scaled.Message;
  for (int K = 0; K < 3; ++K) {
    EXPECT_NEAR(Scaled.Grad[K], 2 * Plain.Grad[K], 1e-6);
    EXPECT_NEAR(Scaled.Grad[3 + K], -0.5 * Plain.Grad[3 + K], 1e-6);
  }
  O = LossOptions();
  O.GradOutput = floats({}, {3});
  LossResult Mean = crossEntropy(In, Tg, O);
  LossResult One = crossEntropy(In, Tg);
  for (int I = 0; I < 6; ++I)
    EXPECT_NEAR(Mean.Grad[I], 3 * One.Grad[I], 1e-6);
}

TEST(CrossEntropy, Weight) {
  std::vector<double> X = ramp(3 * 4);
  LossOptions O;
  O.Weight = floats({4}, {0.5, 2, 1, 3});
  LossResult R = crossEntropy(floats({3, 4}, X), longs({3}, {1, 3, 1}), O);
  ASSERT_TRUE(R.ok()) << R.Message;
  double W[] = {2, 3, 2}, Num = 0;
  int Targets[] = {1, 3, 1};
  for (int Rw = 0; Rw < 3; ++Rw)
    Num -= W[Rw] * logSoftmax(row(X, Rw, 4))[Targets[Rw]];
  EXPECT_NEAR(R.Loss[0], Num / 7, 1e-6);
  // The gradient of a row is its weight over the total, times softmax - 1.
  std::vector<double> L = logSoftmax(row(X, 1, 4));
  EXPECT_NEAR(R.Grad[4 + 3], 3.0 / 7 * (std::exp(L[3]) - 1), 1e-6);
}

TEST(CrossEntropy, IgnoreIndex) {
  std::vector<double> X = ramp(4 * 3);
  LossOptions O;
  O.IgnoreIndex = 1;
  LossResult R = crossEntropy(floats({4, 3}, X), longs({4}, {1, 0, 1, 2}), O);
  double Loss;
  std::vector<double> Grad;
  crossEntropyReference(X, 3, {-100, 0, -100, 2}, Loss, Grad);
  ASSERT_TRUE(R.ok()) << R.Message;
  expectNear(R.Loss, {Loss});
  expectNear(R.Grad, Grad);
  // The default -100 is a target like any other where it is ignored.
  R = crossEntropy(floats({2, 3}, ramp(6)), longs({2}, {-100, 2}),
                   reduce(Reduction::None));
  EXPECT_EQ(R.Loss[0], 0);
  EXPECT_EQ(R.Grad[0], 0);
}

TEST(CrossEntropy, AllRowsIgnored) {
  Tensor In = floats({3, 4}, ramp(12)), Tg = longs({3}, fill(3, -100));
  LossResult Mean = crossEntropy(In, Tg);
  ASSERT_TRUE(Mean.ok());
  EXPECT_TRUE(std::isnan(Mean.Loss[0])); // 0 / 0, as LibTorch
  expectNear(Mean.Grad, fill(12, 0));
  LossResult Sum = crossEntropy(In, Tg, reduce(Reduction::Sum));
  EXPECT_EQ(Sum.Loss[0], 0);
  LossResult Smoothed = crossEntropy(In, Tg, [] {
    LossOptions O;
    O.LabelSmoothing = 0.2;
    return O;
  }());
  EXPECT_TRUE(std::isnan(Smoothed.Loss[0]));
  // K-dim, weighted: the mean's 1 / 0 reaches no gradient.
  LossOptions Weighted;
  Weighted.Weight = floats({2}, {1, 2});
  LossResult K = crossEntropy(floats({2, 2, 3}, ramp(12)),
                              longs({2, 3}, fill(6, -100)), Weighted);
  ASSERT_TRUE(K.ok());
  EXPECT_TRUE(std::isnan(K.Loss[0]));
  expectNear(K.Grad, fill(12, 0));
}

TEST(CrossEntropy, LabelSmoothing) {
  std::vector<double> X = ramp(2 * 4, 3);
  LossOptions O;
  O.LabelSmoothing = 0.3;
  O.Reduce = Reduction::None;
  LossResult R = crossEntropy(floats({2, 4}, X), longs({2}, {3, 0}), O);
  ASSERT_TRUE(R.ok()) << R.Message;
  int Targets[] = {3, 0};
  for (int Rw = 0; Rw < 2; ++Rw) {
    std::vector<double> L = logSoftmax(row(X, Rw, 4));
    double Smooth = -(L[0] + L[1] + L[2] + L[3]);
    EXPECT_NEAR(R.Loss[Rw], 0.7 * -L[Targets[Rw]] + 0.3 / 4 * Smooth, 1e-6);
    // The gradient is softmax minus the smoothed one-hot.
    for (int K = 0; K < 4; ++K)
      EXPECT_NEAR(R.Grad[Rw * 4 + K],
                  std::exp(L[K]) - 0.3 / 4 - 0.7 * (K == Targets[Rw]), 1e-6);
  }
}

TEST(CrossEntropy, ClassProbabilities) {
  std::vector<double> X = ramp(2 * 3, 1);
  std::vector<double> P = {0.2, 0.5, 0.3, 1, 0, 0};
  LossResult R = crossEntropy(floats({2, 3}, X), floats({2, 3}, P),
                              reduce(Reduction::None));
  ASSERT_TRUE(R.ok()) << R.Message;
  EXPECT_EQ(R.LossSizes, std::vector<int64_t>{2});
  for (int Rw = 0; Rw < 2; ++Rw) {
    std::vector<double> L = logSoftmax(row(X, Rw, 3));
    double Expected = 0;
    for (int K = 0; K < 3; ++K) {
      Expected -= P[Rw * 3 + K] * L[K];
      EXPECT_NEAR(R.Grad[Rw * 3 + K], std::exp(L[K]) - P[Rw * 3 + K], 1e-6);
    }
    EXPECT_NEAR(R.Loss[Rw], Expected, 1e-6);
  }
  // A one-hot probability target is the class-index loss.
  LossResult Index =
      crossEntropy(floats({1, 3}, {X[3], X[4], X[5]}), longs({1}, {0}));
  EXPECT_NEAR(Index.Loss[0], R.Loss[1], 1e-6);
  // The loss promotes: a double target gives a double loss, a float
  // gradient.
  R = crossEntropy(floats({2, 3}, X), doubles({2, 3}, P));
  EXPECT_EQ(R.LossDtype, ScalarType::Double);
  EXPECT_EQ(R.GradDtype, ScalarType::Float);
  // Smoothing and the mean over the rows.
  LossOptions O;
  O.LabelSmoothing = 0.5;
  O.Weight = floats({3}, {1, 2, 1});
  R = crossEntropy(floats({2, 3}, X), floats({2, 3}, P), O);
  double Expected = 0;
  for (int Rw = 0; Rw < 2; ++Rw) {
    std::vector<double> L = logSoftmax(row(X, Rw, 3));
    for (int K = 0; K < 3; ++K)
      Expected -= (P[Rw * 3 + K] * 0.5 + 0.5 / 3) * (K == 1 ? 2 : 1) * L[K];
  }
  EXPECT_NEAR(R.Loss[0], Expected / 2, 1e-6);
}

TEST(CrossEntropy, KDimIsRowsOfPositions) {
  // [N, C, d] against the same rows as [N * d, C].
  int64_t N = 2, C = 3, D = 5;
  std::vector<double> X = ramp(N * C * D, 2), Rows(N * D * C);
  for (int64_t B = 0; B < N; ++B)
    for (int64_t K = 0; K < C; ++K)
      for (int64_t P = 0; P < D; ++P)
        Rows[(B * D + P) * C + K] = X[(B * C + K) * D + P];
  std::vector<double> Targets = {0, 1, 2, 0, 1, 2, 2, 2, 1, 0};
  LossResult K = crossEntropy(floats({N, C, D}, X), longs({N, D}, Targets),
                              reduce(Reduction::None));
  LossResult R = crossEntropy(floats({N * D, C}, Rows), longs({N * D}, Targets),
                              reduce(Reduction::None));
  ASSERT_TRUE(K.ok() && R.ok()) << K.Message << R.Message;
  EXPECT_EQ(K.LossSizes, (std::vector<int64_t>{N, D}));
  expectNear(K.Loss, R.Loss);
  for (int64_t B = 0; B < N; ++B)
    for (int64_t Kk = 0; Kk < C; ++Kk)
      for (int64_t P = 0; P < D; ++P)
        EXPECT_NEAR(K.Grad[(B * C + Kk) * D + P], R.Grad[(B * D + P) * C + Kk],
                    1e-7);
  // 4-D goes through nll_loss2d, 5-D through a reshape to it.
  K = crossEntropy(
      floats({1, C, 2, 5}, std::vector<double>(X.begin(), X.begin() + 30)),
      longs({1, 2, 5}, Targets), reduce(Reduction::None));
  EXPECT_EQ(K.LossSizes, (std::vector<int64_t>{1, 2, 5}));
  K = crossEntropy(
      floats({1, C, 1, 2, 5}, std::vector<double>(X.begin(), X.begin() + 30)),
      longs({1, 1, 2, 5}, Targets), reduce(Reduction::None));
  EXPECT_EQ(K.LossSizes, (std::vector<int64_t>{1, 1, 2, 5}));
}

TEST(CrossEntropy, Unbatched) {
  LossResult One = crossEntropy(floats({3}, {1, 2, 3}), longs({}, {2}),
                                reduce(Reduction::None));
  ASSERT_TRUE(One.ok()) << One.Message;
  EXPECT_TRUE(One.LossSizes.empty());
  expectNear(One.Loss, {0.40760596444438});
}

TEST(CrossEntropy, OneClass) {
  LossResult R =
      crossEntropy(floats({4, 1}, {3, -1, 0, 7}), longs({4}, fill(4, 0)));
  ASSERT_TRUE(R.ok());
  EXPECT_EQ(R.Loss[0], 0);
  expectNear(R.Grad, fill(4, 0));
}

TEST(CrossEntropy, EmptyBatch) {
  Tensor In = floats({0, 5}, {}), Tg = longs({0}, {});
  EXPECT_TRUE(std::isnan(crossEntropy(In, Tg).Loss[0]));
  EXPECT_EQ(crossEntropy(In, Tg, reduce(Reduction::Sum)).Loss[0], 0);
  LossResult None = crossEntropy(In, Tg, reduce(Reduction::None));
  ASSERT_TRUE(None.ok());
  EXPECT_EQ(None.LossSizes, std::vector<int64_t>{0});
  EXPECT_TRUE(None.Loss.empty() && None.Grad.empty());
  // Class probabilities too, and no classes at all where every row is
  // ignored.
  EXPECT_TRUE(std::isnan(crossEntropy(In, floats({0, 5}, {})).Loss[0]));
  EXPECT_TRUE(std::isnan(
      crossEntropy(floats({2, 0}, {}), longs({2}, {-100, -100})).Loss[0]));
}

TEST(CrossEntropy, LargeLogits) {
  // exp(1e4) overflows; the maximum is subtracted first.
  LossResult R = crossEntropy(floats({2, 3}, {1e4, 0, -1e4, 1e4, 1e4, 0}),
                              longs({2}, {1, 0}), reduce(Reduction::None));
  ASSERT_TRUE(R.ok());
  expectNear(R.Loss, {1e4, std::log(2.0)});
  expectNear(R.Grad, {1, -1, 0, -0.5, 0.5, 0});
}

TEST(CrossEntropy, NonFiniteLogitsFollowLibTorch) {
  LossResult R =
      crossEntropy(floats({5, 3}, {NaN, 0, 1, Inf, 0, 1, -Inf, 0, 1, 0, -Inf, 1,
                                   -Inf, -Inf, -Inf}),
                   longs({5}, {0, 1, 1, 1, 0}), reduce(Reduction::None));
  ASSERT_TRUE(R.ok());
  // NaN or +Inf anywhere in a row: NaN for the whole row. -Inf elsewhere
  // than the target: an ordinary row; at the target: an infinite loss with a
  // finite gradient. A row of -Inf: NaN.
  std::vector<double> Softmax = {std::exp(0 - std::log(1 + std::exp(1.0))),
                                 std::exp(1 - std::log(1 + std::exp(1.0)))};
  expectNear(R.Loss, {NaN, NaN, -std::log(Softmax[0]), Inf, NaN});
  expectNear(std::vector<double>(R.Grad.begin(), R.Grad.begin() + 9),
             {NaN, NaN, NaN, NaN, NaN, NaN, 0, Softmax[0] - 1, Softmax[1]});
  expectNear(std::vector<double>(R.Grad.begin() + 9, R.Grad.end()),
             {Softmax[0], -1, Softmax[1], NaN, NaN, NaN});
  // The other rows of a reduced loss keep their gradients.
  LossResult Mean =
      crossEntropy(floats({2, 2}, {NaN, 0, 0, 0}), longs({2}, {0, 0}));
  EXPECT_TRUE(std::isnan(Mean.Loss[0]));
  expectNear(Mean.Grad, {NaN, NaN, -0.25, 0.25});
}

TEST(CrossEntropy, ThreadsGiveTheSameNumbers) {
  const int64_t N = 300, C = 257;
  Tensor In = floats({N, C}, ramp(N * C, 5));
  std::vector<double> T(N);
  for (int64_t I = 0; I < N; ++I)
    T[I] = I % 7 == 0 ? -100 : (I * 13) % C;
  Tensor Tg = longs({N}, T);
  LossOptions O;
  LossResult One = crossEntropy(In, Tg, O);
  O.Threads = 3;
  LossResult Three = crossEntropy(In, Tg, O);
  ASSERT_TRUE(One.ok() && Three.ok());
  EXPECT_NEAR(One.Loss[0], Three.Loss[0], 1e-6);
  EXPECT_EQ(One.Grad, Three.Grad);
  // The K-dim layout too.
  Tensor InK = floats({3, 5, 100, 20}, ramp(3 * 5 * 2000, 6));
  std::vector<double> TK(3 * 2000);
  for (std::size_t I = 0; I < TK.size(); ++I)
    TK[I] = I % 5;
  Tensor TgK = longs({3, 100, 20}, TK);
  LossResult OneK = crossEntropy(InK, TgK, reduce(Reduction::None));
  LossOptions O3 = reduce(Reduction::None);
  O3.Threads = 3;
  LossResult ThreeK = crossEntropy(InK, TgK, O3);
  EXPECT_EQ(OneK.Loss, ThreeK.Loss);
  EXPECT_EQ(OneK.Grad, ThreeK.Grad);
}

// The workers are kept between calls: rounds of different sizes one after
// the other, and calls from two threads at once (one of them then runs its
// parts itself), give the numbers of one thread.
TEST(CrossEntropy, WorkersKeptBetweenCalls) {
  const int64_t N = 512, C = 300;
  Tensor In = floats({N, C}, ramp(N * C, 7));
  std::vector<double> T(N);
  for (int64_t I = 0; I < N; ++I)
    T[I] = (I * 11) % C;
  Tensor Tg = longs({N}, T);
  LossResult One = crossEntropy(In, Tg, reduce(Reduction::None));
  ASSERT_TRUE(One.ok());
  for (int Threads : {4, 2, 3, 4, 2}) {
    LossOptions O = reduce(Reduction::None);
    O.Threads = Threads;
    LossResult R = crossEntropy(In, Tg, O);
    EXPECT_EQ(One.Loss, R.Loss) << Threads << " threads";
    EXPECT_EQ(One.Grad, R.Grad) << Threads << " threads";
  }
  std::vector<LossResult> Concurrent(2);
  std::vector<std::thread> Callers;
  for (LossResult &R : Concurrent)
    Callers.emplace_back([&] {
      LossOptions O = reduce(Reduction::None);
      O.Threads = 2;
      for (int Repeat = 0; Repeat < 20; ++Repeat)
        R = crossEntropy(In, Tg, O);
    });
  for (std::thread &Caller : Callers)
    Caller.join();
  for (const LossResult &R : Concurrent) {
    EXPECT_EQ(One.Loss, R.Loss);
    EXPECT_EQ(One.Grad, R.Grad);
  }
}

TEST(CrossEntropy, IntoCallerBuffers) {
  Tensor In = floats({2, 3}, {1, 2, 3, 1, 2, 3}), Tg = longs({2}, {2, 2});
  float Loss = 0;
  std::vector<float> Grad(6);
  LossOutputs Out{&Loss, 1, Grad.data(), 6};
  LossInfo I = computeLossInto(LossFunction::CrossEntropy, In, Tg, {}, Out);
  ASSERT_TRUE(I.ok()) << I.Message;
  EXPECT_NEAR(Loss, 0.40760596, 1e-6);
  EXPECT_NEAR(Grad[5], -0.33475904 / 2, 1e-6);
  // The forward pass alone.
  Loss = 0;
  Out.Grad = nullptr;
  I = computeLossInto(LossFunction::CrossEntropy, In, Tg, {}, Out);
  EXPECT_TRUE(I.ok());
  EXPECT_NEAR(Loss, 0.40760596, 1e-6);
}

TEST(Arithmetic, ExpAndLogToTheLastBits) {
  using detail::expNonPositive;
  using detail::logOfSum;
  // Below -87 (float) and -708 (double) the result, under 1.7e-38 and
  // 3.4e-308, flushes to 0.
  for (double X = -120; X <= 0; X += 0.0137) {
    float F = static_cast<float>(X);
    EXPECT_NEAR(expNonPositive(F), std::exp(F),
                std::max(3e-7 * std::exp(F), 1.7e-38))
        << X;
    EXPECT_NEAR(expNonPositive(X), std::exp(X), 4e-16 * std::exp(X)) << X;
  }
  EXPECT_EQ(expNonPositive(-800.0), 0.0);
  EXPECT_EQ(expNonPositive(0.0f), 1.0f);
  EXPECT_EQ(expNonPositive(-Inf), 0.0);
  EXPECT_TRUE(std::isnan(expNonPositive(static_cast<float>(NaN))));
  for (double X = 1; X < 1e6; X *= 1.0173) {
    float F = static_cast<float>(X);
    EXPECT_NEAR(logOfSum(F), std::log(F), 2e-7 * std::max(1.0, std::log(X)));
    EXPECT_NEAR(logOfSum(X), std::log(X), 4e-16 * std::max(1.0, std::log(X)));
  }
  // Near 1, where a confident prediction's loss lives, relative accuracy.
  for (double E = 1e-7; E < 1e-2; E *= 3) {
    EXPECT_NEAR(logOfSum(1 + E), std::log1p(E), 1e-15 * E + 2e-16);
  }
  EXPECT_TRUE(std::isnan(logOfSum(NaN)));
}

//===----------------------------------------------------------------------===//
// nll_loss and binary_cross_entropy_with_logits
//===----------------------------------------------------------------------===//

TEST(NllLoss, PicksTheTargetLogProbability) {
  LossOptions O;
  O.Weight = doubles({3}, {1, 2, 3});
  LossResult R =
      nllLoss(doubles({2, 3}, {-1, -2, -3, -4, -5, -6}), longs({2}, {2, 1}), O);
  ASSERT_TRUE(R.ok()) << R.Message;
  EXPECT_NEAR(R.Loss[0], (3 * 3 + 2 * 5) / 5.0, 1e-12);
  expectNear(R.Grad, {0, 0, -3 / 5.0, 0, -2 / 5.0, 0}, 1e-12);
  // K-dim, unreduced, ignore_index.
  O = reduce(Reduction::None);
  O.IgnoreIndex = 0;
  R = nllLoss(floats({1, 2, 3}, {-1, -2, -3, -4, -5, -6}),
              longs({1, 3}, {1, 0, 0}), O);
  ASSERT_TRUE(R.ok()) << R.Message;
  EXPECT_EQ(R.LossSizes, (std::vector<int64_t>{1, 3}));
  expectNear(R.Loss, {4, 0, 0});
  expectNear(R.Grad, {0, 0, 0, -1, 0, 0});
}

double softplus(double X) {
  return std::log1p(std::exp(-std::abs(X))) + std::max(X, 0.0);
}
double sigmoid(double X) { return 1 / (1 + std::exp(-X)); }

TEST(BceWithLogits, Values) {
  std::vector<double> X = {-3, -0.5, 0, 2, 40, -40}, T = {0, 1, 0.3, 1, 0, 1};
  LossResult R = bceWithLogits(doubles({2, 3}, X), doubles({2, 3}, T),
                               reduce(Reduction::None));
  ASSERT_TRUE(R.ok()) << R.Message;
  EXPECT_EQ(R.LossSizes, (std::vector<int64_t>{2, 3}));
  for (int I = 0; I < 6; ++I) {
    EXPECT_NEAR(R.Loss[I], (1 - T[I]) * X[I] + softplus(-X[I]), 1e-12);
    EXPECT_NEAR(R.Grad[I], sigmoid(X[I]) - T[I], 1e-12);
  }
  LossResult Mean = bceWithLogits(doubles({2, 3}, X), doubles({2, 3}, T));
  EXPECT_NEAR(Mean.Loss[0],
              std::accumulate(R.Loss.begin(), R.Loss.end(), 0.0) / 6, 1e-12);
  EXPECT_NEAR(Mean.Grad[3], R.Grad[3] / 6, 1e-12);
}

TEST(BceWithLogits, WeightsBroadcast) {
  std::vector<double> X = {-1, 0.5, 2, 1, -2, 0}, T = {0, 1, 1, 0, 1, 0};
  LossOptions O = reduce(Reduction::Sum);
  O.Weight = floats({2, 1}, {2, 3});
  O.PosWeight = floats({3}, {1, 4, 0.5});
  LossResult R = bceWithLogits(floats({2, 3}, X), floats({2, 3}, T), O);
  ASSERT_TRUE(R.ok()) << R.Message;
  double Sum = 0;
  for (int I = 0; I < 6; ++I) {
    double W = I < 3 ? 2 : 3, P = std::vector<double>{1, 4, 0.5}[I % 3];
    double Lw = (P - 1) * T[I] + 1;
    Sum += W * ((1 - T[I]) * X[I] + Lw * softplus(-X[I]));
    EXPECT_NEAR(R.Grad[I],
                W * ((P * T[I] + 1 - T[I]) * sigmoid(X[I]) - P * T[I]), 1e-6);
  }
  EXPECT_NEAR(R.Loss[0], Sum, 1e-5);
}

TEST(BceWithLogits, NonFiniteLogitsFollowLibTorch) {
  LossResult R =
      bceWithLogits(floats({4}, {Inf, -Inf, -Inf, NaN}),
                    floats({4}, {0, 0, 1, 0.5}), reduce(Reduction::None));
  ASSERT_TRUE(R.ok());
  // LibTorch's expression turns -inf into inf - inf = NaN; its gradient
  // formula, sigmoid(x) - t, stays finite.
  expectNear(R.Loss, {Inf, NaN, NaN, NaN});
  expectNear(R.Grad, {1, 0, -1, NaN});
}

TEST(BceWithLogits, EmptyAndScalar) {
  EXPECT_TRUE(std::isnan(
      bceWithLogits(floats({0, 3}, {}), floats({0, 3}, {})).Loss[0]));
  LossResult R = bceWithLogits(floats({}, {0}), floats({}, {1}));
  ASSERT_TRUE(R.ok());
  expectNear(R.Loss, {std::log(2.0)});
  expectNear(R.Grad, {-0.5});
}

//===----------------------------------------------------------------------===//
// LibTorch's messages
//===----------------------------------------------------------------------===//

TEST(Messages, BatchAndRank) {
  expectCeRaises(floats({32, 3}, ramp(96)), longs({16}, fill(16, 0)),
                 "Expected input batch_size (32) to match target batch_size "
                 "(16).");
  expectCeRaises(floats({32, 3}, ramp(96)), longs({32, 1}, fill(32, 0)),
                 "0D or 1D target tensor expected, multi-target not supported");
  // A 0-dim target reads as batch size 0.
  expectCeRaises(floats({32, 3}, ramp(96)), longs({}, {0}),
                 "Expected input batch_size (32) to match target batch_size "
                 "(0).");
  expectCeRaises(floats({0, 3}, {}), longs({}, {0}),
                 "Dimension specified as 0 but tensor has no dimensions");
  expectCeRaises(floats({3}, {1, 2, 3}), longs({1}, {0}),
                 "size mismatch (got input: [3], target: [1])");
}

TEST(Messages, TargetSize) {
  expectCeRaises(floats({32, 1, 3}, ramp(96)), longs({32}, fill(32, 0)),
                 "Expected target size [32, 3], got [32]");
  expectCeRaises(floats({2, 3, 4, 5, 6}, ramp(720)),
                 longs({2, 4, 5}, fill(40, 0)),
                 "Expected target size [2, 4, 5, 6], got [2, 4, 5]");
  expectCeRaises(floats({32, 3, 5, 6}, ramp(32 * 90)),
                 longs({32, 5}, fill(160, 0)),
                 "only batches of spatial targets supported (3D tensors) but "
                 "got targets of dimension: 2");
  expectCeRaises(floats({2, 3, 4, 5}, ramp(120)), longs({2, 4, 6}, fill(48, 0)),
                 "size mismatch (got input: [2, 3, 4, 5] , target: [2, 4, 6]");
  // No classes: nll_loss2d sees the input reshaped to [2, 0, 0, 0].
  expectCeRaises(floats({2, 0, 5}, {}), longs({2, 5}, fill(10, 0)),
                 "size mismatch (got input: [2, 0, 0, 0] , target: [2, 1, 5]");
}

TEST(Messages, TargetDtype) {
  for (ScalarType T : {ScalarType::Float, ScalarType::Double, ScalarType::Int,
                       ScalarType::Short, ScalarType::Char, ScalarType::Bool,
                       ScalarType::Half})
    expectCeRaises(floats({4, 3}, ramp(12)), typed(T, {4}),
                   std::string("expected scalar type Long but found ") +
                       scalarTypeName(T));
  // uint8 targets pass up to 2-D, not beyond.
  EXPECT_TRUE(
      crossEntropy(floats({4, 3}, ramp(12)), typed(ScalarType::Byte, {4}))
          .ok());
  expectCeRaises(floats({4, 3, 2}, ramp(24)), typed(ScalarType::Byte, {4, 2}),
                 "expected scalar type Long but found Byte");
  expectCeRaises(floats({4, 3}, ramp(12)), longs({4, 3}, fill(12, 0)),
                 "Expected floating point type for target with class "
                 "probabilities, got Long");
}

TEST(Messages, TargetOutOfBounds) {
  expectCeRaises(floats({4, 3}, ramp(12)), longs({4}, {0, 3, 1, 7}),
                 "Target 3 is out of bounds.");
  expectCeRaises(floats({4, 3, 2}, ramp(24)),
                 longs({4, 2}, {0, 1, -1, 0, 0, 0, 0, 0}),
                 "Target -1 is out of bounds.");
  // An unreduced loss prints a uint8 target as a character.
  expectCeRaises(floats({2, 3}, ramp(6)),
                 Tensor(ScalarType::Byte, {2}, {1, 65}),
                 "Target A is out of bounds.", reduce(Reduction::None));
  expectCeRaises(floats({2, 3}, ramp(6)),
                 Tensor(ScalarType::Byte, {2}, {1, 65}),
                 "Target 65 is out of bounds.");
}

TEST(Messages, Weight) {
  LossOptions O;
  O.Weight = floats({4}, fill(4, 1));
  expectCeRaises(floats({8, 3}, ramp(24)), longs({8}, fill(8, 0)),
                 "weight tensor should be defined either for all 3 classes or "
                 "no classes but got weight tensor of shape: [4]",
                 O);
  expectCeRaises(floats({8, 3}, ramp(24)), floats({8, 3}, fill(24, 0.3)),
                 "cross_entropy: weight tensor should be defined either for "
                 "all 3 classes or no classes but got weight tensor of shape: "
                 "[4]",
                 O);
  expectCeRaises(floats({8, 3, 2}, ramp(48)), longs({8, 2}, fill(16, 0)),
                 "weight tensor should be defined either for all or no classes",
                 O);
  O.Weight = doubles({3}, fill(3, 1));
  expectCeRaises(floats({8, 3}, ramp(24)), longs({8}, fill(8, 0)),
                 "expected scalar type Float but found Double", O);
  // The weight's dtype is checked before the target's.
  expectCeRaises(floats({8, 3}, ramp(24)), floats({8}, fill(8, 0)),
                 "expected scalar type Float but found Double", O);
}

TEST(Messages, Options) {
  LossOptions O;
  O.LabelSmoothing = 1.5;
  expectCeRaises(floats({4, 3}, ramp(12)), longs({4}, fill(4, 0)),
                 "label_smoothing must be between 0.0 and 1.0. Got: 1.5", O);
  O.LabelSmoothing = Inf;
  expectCeRaises(floats({4, 3}, ramp(12)), floats({4, 3}, fill(12, 0.3)),
                 "label_smoothing must be between 0.0 and 1.0. Got: inf", O);
  O = LossOptions();
  O.IgnoreIndex = 0;
  expectCeRaises(floats({4, 3}, ramp(12)), floats({4, 3}, fill(12, 0.3)),
                 "ignore_index is not supported for floating point target", O);
  // Label smoothing's own expressions: gather() and view() on the weight.
  O = LossOptions();
  O.LabelSmoothing = 0.1;
  O.Weight = floats({3}, fill(3, 1));
  expectCeRaises(floats({4, 3}, ramp(12)), typed(ScalarType::Byte, {4}),
                 "gather(): Expected dtype int64 for index", O);
  O.Weight = floats({3, 1}, fill(3, 1));
  expectCeRaises(floats({4, 3, 2}, ramp(24)), longs({4, 2}, fill(8, 0)),
                 "Index tensor must have the same number of dimensions as "
                 "input tensor",
                 O);
  O.Weight = floats({1, 3}, fill(3, 1));
  expectCeRaises(floats({4, 3, 2}, ramp(24)), longs({4, 2}, fill(8, 0)),
                 "shape '[1, 1, 1]' is invalid for input of size 3", O);
}

TEST(Messages, InputDtypeAndRank) {
  expectCeRaises(typed(ScalarType::Long, {4, 3}), longs({4}, fill(4, 0)),
                 "\"log_softmax_lastdim_kernel_impl\" not implemented for "
                 "'Long'");
  expectCeRaises(typed(ScalarType::Half, {4, 3, 2}), longs({4, 2}, fill(8, 0)),
                 "\"softmax_kernel_impl\" not implemented for 'Half'");
  // An empty input skips log_softmax's kernel, not nll_loss's.
  expectCeRaises(typed(ScalarType::Long, {0, 3}), longs({0}, {}),
                 "\"nll_loss_out_frame\" not implemented for 'Long'");
  expectCeRaises(floats({}, {1}), longs({3}, {0, 0, 0}),
                 "Dimension out of range (expected to be in range of [-1, 0], "
                 "but got 1)");
  expectCeRaises(floats({}, {1}), floats({}, {1}),
                 "Dimension specified as 1 but tensor has no dimensions");
}

TEST(Messages, RaisedByBackward) {
  // An empty reduced loss returns before it reads the target; backward()
  // reads it.
  LossResult R = crossEntropy(floats({0, 3}, {}), floats({0}, {}));
  EXPECT_EQ(R.Code, Status::TorchError);
  EXPECT_TRUE(R.InBackward);
  EXPECT_EQ(R.Message, "expected scalar type Long but found Float");
  ASSERT_EQ(R.Loss.size(), 1u);
  EXPECT_TRUE(std::isnan(R.Loss[0]));
  EXPECT_TRUE(R.Grad.empty());
  LossInfo C = checkLoss(LossFunction::CrossEntropy, floats({0, 3}, {}),
                         floats({0}, {}));
  EXPECT_TRUE(C.InBackward);
}

TEST(Messages, NllLoss) {
  expectRaises(LossFunction::NllLoss, floats({3}, {1, 2, 3}), longs({}, {0}),
               {}, "Expected 2 or more dimensions (got 1)");
  expectRaises(LossFunction::NllLoss, typed(ScalarType::Long, {2, 3, 4}),
               longs({2, 4}, fill(8, 0)), {},
               "\"nll_loss2d_forward_out_frame\" not implemented for 'Long'");
  expectRaises(LossFunction::NllLoss, floats({2, 3}, ramp(6)),
               floats({2, 3}, ramp(6)), {},
               "0D or 1D target tensor expected, multi-target not supported");
}

TEST(Messages, BceWithLogits) {
  auto Bce = [](const TensorView &In, const TensorView &Tg, LossOptions O,
                const std::string &Message) {
    expectRaises(LossFunction::BceWithLogits, In, Tg, O, Message);
  };
  Tensor In = floats({32, 3}, ramp(96)), Tg = floats({32, 3}, fill(96, 1));
  Bce(In, floats({32}, fill(32, 1)), {},
      "Target size ([32]) must be the same as input size ([32, 3])");
  Bce(In, longs({32, 3}, fill(96, 1)), {},
      "result type Float can't be cast to the desired output type Long");
  Bce(typed(ScalarType::Int, {32, 3}), Tg, {},
      "result type Float can't be cast to the desired output type Int");
  LossOptions O;
  O.Weight = floats({4}, fill(4, 1));
  Bce(In, Tg, O,
      "The size of tensor a (3) must match the size of tensor b (4) at "
      "non-singleton dimension 1");
  O = LossOptions();
  O.PosWeight = floats({4}, fill(4, 1));
  Bce(In, Tg, O,
      "The size of tensor a (4) must match the size of tensor b (3) at "
      "non-singleton dimension 1");
  O = LossOptions();
  O.Weight = floats({2, 32, 3}, fill(192, 1));
  Bce(In, Tg, O,
      "output with shape [32, 3] doesn't match the broadcast shape [2, 32, 3]");
  O = LossOptions();
  O.PosWeight = typed(ScalarType::Bool, {3});
  Bce(In, Tg, O,
      "Subtraction, the `-` operator, with a bool tensor is not supported. If "
      "you are trying to invert a mask, use the `~` or `logical_not()` "
      "operator instead.");
  Bce(In, typed(ScalarType::Bool, {32, 3}), {},
      "Subtraction, the `-` operator, with two bool tensors is not supported. "
      "Use the `^` or `logical_xor()` operator instead.");
  Bce(typed(ScalarType::Bool, {32, 3}), Tg, {},
      "Negation, the `-` operator, on a bool tensor is not supported. If you "
      "are trying to invert a mask, use the `~` or `logical_not()` operator "
      "instead.");
  Bce(typed(ScalarType::Half, {32, 3}), Tg, {},
      "\"clamp_min_cpu\" not implemented for 'Half'");
}

//===----------------------------------------------------------------------===//
// The call itself
//===----------------------------------------------------------------------===//

void expectInvalid(const LossInfo &I) {
  EXPECT_EQ(I.Code, Status::InvalidArgument) << I.Message;
  EXPECT_FALSE(I.Message.empty());
}

TEST(Arguments, MalformedViews) {
  std::vector<float> X(6);
  std::vector<int64_t> T(2);
  TensorView In = makeView(X, {2, 3}), Tg = makeView(T, {2});
  EXPECT_TRUE(crossEntropy(In, Tg).ok());

  TensorView Bad = In;
  Bad.Data = nullptr; // shape only: fine for a check, not for a computation
  EXPECT_TRUE(checkLoss(LossFunction::CrossEntropy, Bad, Tg).ok());
  expectInvalid(crossEntropy(Bad, Tg));
  Bad = In;
  Bad.Sizes = {2, 4}; // more than the data holds
  expectInvalid(crossEntropy(Bad, Tg));
  expectInvalid(checkLoss(LossFunction::CrossEntropy, Bad, Tg));
  Bad.Sizes = {2, -3};
  expectInvalid(crossEntropy(Bad, Tg));
  Bad.Sizes = {int64_t(1) << 40, int64_t(1) << 40};
  expectInvalid(crossEntropy(Bad, Tg));
  Bad = In;
  Bad.NumElements = -1;
  expectInvalid(crossEntropy(Bad, Tg));
  Bad = In;
  Bad.Dtype = static_cast<ScalarType>(9);
  expectInvalid(crossEntropy(Bad, Tg));
  Bad = In;
  Bad.Data = reinterpret_cast<const char *>(X.data()) + 1;
  Bad.Sizes = {5};
  Bad.NumElements = 5;
  expectInvalid(crossEntropy(Bad, longs({}, {0})));
  TensorView BadTarget = Tg;
  BadTarget.NumElements = 3;
  expectInvalid(crossEntropy(In, BadTarget));
}

TEST(Arguments, ShapeOnlyChecks) {
  // The facts may say [1e9, 1e6]: the check never touches the logits.
  TensorView Huge{ScalarType::Float, {1000000000, 1000000}, nullptr, 0};
  TensorView Target{ScalarType::Float, {1000000000}, nullptr, 0};
  LossInfo I = checkLoss(LossFunction::CrossEntropy, Huge, Target);
  EXPECT_EQ(I.Code, Status::TorchError);
  EXPECT_EQ(I.Message, "expected scalar type Long but found Float");
  Target.Dtype = ScalarType::Long;
  Target.Sizes = {999};
  EXPECT_EQ(checkLoss(LossFunction::CrossEntropy, Huge, Target).Message,
            "Expected input batch_size (1000000000) to match target "
            "batch_size (999).");
  Target.Sizes = {1000000000};
  EXPECT_TRUE(checkLoss(LossFunction::CrossEntropy, Huge, Target).ok());
}

TEST(Arguments, Options) {
  Tensor In = floats({2, 3}, ramp(6)), Tg = longs({2}, {0, 1});
  LossOptions O;
  O.PosWeight = floats({3}, fill(3, 1));
  expectInvalid(crossEntropy(In, Tg, O));
  O = LossOptions();
  O.LabelSmoothing = 0.1;
  expectInvalid(nllLoss(In, Tg, O));
  O = LossOptions();
  O.IgnoreIndex = 0;
  expectInvalid(bceWithLogits(In, floats({2, 3}, fill(6, 0)), O));
  O = LossOptions();
  O.Threads = 0;
  expectInvalid(crossEntropy(In, Tg, O));
  O = LossOptions();
  O.Reduce = static_cast<Reduction>(7);
  expectInvalid(crossEntropy(In, Tg, O));
  O = LossOptions();
  O.GradOutput = floats({2}, {1, 1}); // the mean is a scalar
  expectInvalid(crossEntropy(In, Tg, O));
  O.Weight = typed(ScalarType::Float, {3});
  O.Weight->NumElements = 2;
  expectInvalid(crossEntropy(In, Tg, O));
}

TEST(Arguments, OutputBuffers) {
  Tensor In = floats({2, 3}, ramp(6)), Tg = longs({2}, {0, 1});
  float Loss;
  std::vector<float> Grad(5);
  LossOutputs Out{&Loss, 1, Grad.data(), 5}; // one element short
  expectInvalid(computeLossInto(LossFunction::CrossEntropy, In, Tg, {}, Out));
  Out.Loss = nullptr;
  Out.Grad = nullptr;
  expectInvalid(computeLossInto(LossFunction::CrossEntropy, In, Tg, {}, Out));
}

TEST(Arguments, SixteenBitArithmeticIsDeclined) {
  // LibTorch computes these; the kernel checks them but does not compute.
  LossResult R =
      crossEntropy(typed(ScalarType::BFloat16, {2, 3}), longs({2}, {0, 1}));
  EXPECT_EQ(R.Code, Status::Unsupported);
  EXPECT_TRUE(checkLoss(LossFunction::CrossEntropy,
                        typed(ScalarType::BFloat16, {2, 3}), longs({2}, {0, 1}))
                  .ok());
  EXPECT_EQ(
      bceWithLogits(floats({2}, {0, 1}), typed(ScalarType::Half, {2})).Code,
      Status::Unsupported);
  // A Half target of class probabilities is read, and the loss is Float.
  LossResult P = crossEntropy(floats({1, 2}, {0, 1}),
                              Tensor(ScalarType::Half, {1, 2}, {0, 1}));
  ASSERT_TRUE(P.ok()) << P.Message;
  EXPECT_EQ(P.LossDtype, ScalarType::Float);
  expectNear(P.Loss, {std::log(1 + std::exp(-1.0))});
}

// Random views over random bytes, some of them lying about their size: every
// call returns a verdict, and the sanitized build checks that none reads
// outside its buffers.
TEST(Arguments, RandomCallsStayInBounds) {
  std::mt19937 Gen(7);
  auto Below = [&](int N) { return static_cast<int>(Gen() % N); };
  const ScalarType Dtypes[] = {ScalarType::Float, ScalarType::Double,
                               ScalarType::Long,  ScalarType::Byte,
                               ScalarType::Int,   ScalarType::Bool,
                               ScalarType::Half,  ScalarType::BFloat16};
  std::list<std::vector<unsigned char>> Buffers;
  auto RandomView = [&](const std::vector<int64_t> &Like) {
    TensorView V;
    V.Dtype = Dtypes[Below(8)];
    V.Sizes = Like;
    if (Below(4) == 0) { // a shape of its own
      V.Sizes.resize(Below(4));
      for (int64_t &D : V.Sizes)
        D = Below(5);
    }
    int64_t N = std::accumulate(V.Sizes.begin(), V.Sizes.end(), int64_t(1),
                                std::multiplies<int64_t>());
    V.NumElements = Below(10) == 0 ? N + Below(3) - 1 : N;
    std::vector<unsigned char> &Bytes = Buffers.emplace_back(
        std::max<int64_t>(V.NumElements, 0) * elementSize(V.Dtype));
    for (unsigned char &B : Bytes)
      B = Below(3) == 0 ? static_cast<unsigned char>(Gen()) : Below(3);
    V.Data = Bytes.empty() ? nullptr : Bytes.data();
    return V;
  };
  int Verdicts[4] = {};
  for (int I = 0; I < 3000; ++I) {
    std::vector<int64_t> Shape(Below(5));
    for (int64_t &D : Shape)
      D = Below(5);
    TensorView In = RandomView(Shape);
    std::vector<int64_t> TargetShape = Shape;
    if (!TargetShape.empty() && Below(2))
      TargetShape.erase(TargetShape.begin() + (Shape.size() > 1));
    TensorView Tg = RandomView(TargetShape);
    LossOptions O;
    O.Reduce = static_cast<Reduction>(Below(3));
    O.Threads = 1 + Below(3);
    if (Below(3) == 0)
      O.Weight = RandomView({Shape.size() > 1 ? Shape[1] : 3});
    LossFunction F = static_cast<LossFunction>(Below(3));
    if (F == LossFunction::BceWithLogits && Below(3) == 0)
      O.PosWeight = RandomView({Shape.empty() ? 1 : Shape.back()});
    if (F == LossFunction::CrossEntropy && Below(3) == 0)
      O.LabelSmoothing = Below(3) * 0.5;
    if (F != LossFunction::BceWithLogits && Below(3) == 0)
      O.IgnoreIndex = Below(4);
    LossResult R = computeLoss(F, In, Tg, O);
    ++Verdicts[static_cast<int>(R.Code)];
    checkLoss(F, In, Tg, O);
  }
  // All four kinds of verdict occur.
  for (int Count : Verdicts)
    EXPECT_GT(Count, 0);
}

TEST(Names, AsLibTorchPrintsThem) {
  EXPECT_STREQ(scalarTypeName(ScalarType::Long), "Long");
  EXPECT_STREQ(scalarTypeName(ScalarType::BFloat16), "BFloat16");
  EXPECT_EQ(elementSize(ScalarType::Half), 2u);
  EXPECT_EQ(elementSize(ScalarType::Bool), 1u);
  EXPECT_EQ(static_cast<int>(ScalarType::BFloat16), 15);
}

} // namespace
