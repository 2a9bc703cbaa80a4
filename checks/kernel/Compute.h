//===--- Compute.h - The kernel's arithmetic ------------------------------===//
//
// Forward and backward of the three losses for a call planLoss accepted, in
// the input's precision T (float or double). Loss receives one value per
// loss element for Reduction::None, else the reduced value; Upstream holds
// the upstream gradient the same way. A null Grad skips the backward pass.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_KERNEL_COMPUTE_H
#define TORCHLINT_KERNEL_COMPUTE_H

#include "LossChecks.h"

#include <cstring>

namespace torchlint::kernel::detail {

template <typename T> struct ComputeArgs {
  const T *Input = nullptr;
  T *Grad = nullptr;
  const std::vector<double> *Upstream = nullptr;
  std::vector<double> *Loss = nullptr;
  int Threads = 1;
};

/// cross_entropy: log_softmax over the class dimension, then the plan's kind.
template <typename T>
void computeCrossEntropy(const Plan &P, const TensorView &Target,
                         const ComputeArgs<T> &Args);

/// nll_loss: the input already holds log-probabilities.
template <typename T>
void computeNllLoss(const Plan &P, const ComputeArgs<T> &Args);

/// binary_cross_entropy_with_logits, elementwise over \p Shape.
template <typename T>
void computeBceWithLogits(const Plan &P, const Sizes &Shape,
                          const TensorView &Target, const LossOptions &Opts,
                          const ComputeArgs<T> &Args);

/// exp(X) for X <= 0 (and NaN, which it returns), as plain arithmetic the
/// compiler vectorises: std::exp is a library call it cannot, short of
/// -ffast-math, which would also drop the NaN and Inf semantics.
///
/// X = N ln2 + R with |R| <= ln2/2; exp(R) is a polynomial exact to the last
/// bit of T (float: degree 6, minimax; double: Taylor), and 2^N is built in
/// the exponent field. Below Lowest (results under 1.7e-38 in float, 3.4e-308
/// in double) it flushes to 0.
template <typename T> inline T expNonPositive(T X);

template <> inline float expNonPositive(float X) {
  constexpr float Lowest = -87.0f, Log2e = 1.44269504088896341f;
  // Adding 1.5 * 2^23 rounds to an integer kept in the low mantissa bits.
  constexpr float Shifter = 12582912.0f;
  constexpr float Ln2Hi = 0.693359375f, Ln2Lo = -2.12194440e-4f;
  float Shifted = X * Log2e + Shifter;
  float N = Shifted - Shifter;
  float R = (X - N * Ln2Hi) - N * Ln2Lo;
  // 1 + R + R^2/2 + a minimax fit of the rest on [-0.3466, 0.3466] (relative
  // error 4.3e-9): one multiply-add fewer than the Taylor polynomial of the
  // same accuracy, in the loop that bounds the K-dim kernel's arithmetic.
  float P = 1.40354781e-3f;
  P = P * R + 8.37225403e-3f;
  P = P * R + 4.16655542e-2f;
  P = P * R + 1.66664887e-1f;
  P = P * R + 0.5f;
  P = P * R + 1.0f;
  P = P * R + 1.0f;
  uint32_t ShiftedBits, ShifterBits;
  std::memcpy(&ShiftedBits, &Shifted, sizeof(float));
  std::memcpy(&ShifterBits, &Shifter, sizeof(float));
  uint32_t ScaleBits = (ShiftedBits - ShifterBits + 127u) << 23;
  float Scale;
  std::memcpy(&Scale, &ScaleBits, sizeof(float));
  return X < Lowest ? 0.0f : P * Scale;
}

template <> inline double expNonPositive(double X) {
  constexpr double Lowest = -708.0, Log2e = 1.4426950408889634;
  constexpr double Shifter = 6755399441055744.0; // 1.5 * 2^52
  constexpr double Ln2Hi = 6.93147180369123816490e-01,
                   Ln2Lo = 1.90821492927058770002e-10;
  double Shifted = X * Log2e + Shifter;
  double N = Shifted - Shifter;
  double R = (X - N * Ln2Hi) - N * Ln2Lo;
  double P = 1.0 / 6227020800.0; // 1/13!
  P = P * R + 1.0 / 479001600.0;
  P = P * R + 1.0 / 39916800.0;
  P = P * R + 1.0 / 3628800.0;
  P = P * R + 1.0 / 362880.0;
  P = P * R + 1.0 / 40320.0;
  P = P * R + 1.0 / 5040.0;
  P = P * R + 1.0 / 720.0;
  P = P * R + 1.0 / 120.0;
  P = P * R + 1.0 / 24.0;
  P = P * R + 1.0 / 6.0;
  P = P * R + 0.5;
  P = P * R + 1.0;
  P = P * R + 1.0;
  uint64_t ShiftedBits, ShifterBits;
  std::memcpy(&ShiftedBits, &Shifted, sizeof(double));
  std::memcpy(&ShifterBits, &Shifter, sizeof(double));
  uint64_t ScaleBits = (ShiftedBits - ShifterBits + 1023u) << 52;
  double Scale;
  std::memcpy(&Scale, &ScaleBits, sizeof(double));
  return X < Lowest ? 0.0 : P * Scale;
}

/// log(X) for X >= 1 (and NaN, which it returns): the log of a sum of
/// exponentials whose largest term is exp(0). Vectorisable like
/// expNonPositive; the K-dim layout takes one per spatial position.
///
/// X = 2^E M with M in [sqrt(1/2), sqrt(2)); log(M) = 2 atanh(S) with
/// S = (M - 1) / (M + 1), |S| <= 0.172, whose odd series converges fast.
template <typename T> inline T logOfSum(T X);

template <> inline float logOfSum(float X) {
  constexpr float Ln2Hi = 0.693359375f, Ln2Lo = -2.12194440e-4f;
  uint32_t Bits;
  std::memcpy(&Bits, &X, sizeof(float));
  // The exponent as a float: 2^23 + E + 127 has it in its low bits.
  uint32_t ExponentBits = 0x4b000000u | (Bits >> 23);
  float E;
  std::memcpy(&E, &ExponentBits, sizeof(float));
  E -= 8388608.0f + 127.0f;
  uint32_t MantissaBits = (Bits & 0x7fffffu) | 0x3f800000u;
  float M;
  std::memcpy(&M, &MantissaBits, sizeof(float));
  bool Halve = M > 1.41421356f;
  M = Halve ? M * 0.5f : M;
  E = Halve ? E + 1.0f : E;
  float S = (M - 1.0f) / (M + 1.0f), S2 = S * S;
  float P = 1.0f / 9;
  P = P * S2 + 1.0f / 7;
  P = P * S2 + 1.0f / 5;
  P = P * S2 + 1.0f / 3;
  P = P * S2 + 1.0f;
  float Result = E * Ln2Hi + (E * Ln2Lo + 2.0f * S * P);
  return X != X ? X : Result;
}

template <> inline double logOfSum(double X) {
  constexpr double Ln2Hi = 6.93147180369123816490e-01,
                   Ln2Lo = 1.90821492927058770002e-10;
  uint64_t Bits;
  std::memcpy(&Bits, &X, sizeof(double));
  uint64_t ExponentBits = 0x4330000000000000u | (Bits >> 52);
  double E;
  std::memcpy(&E, &ExponentBits, sizeof(double));
  E -= 4503599627370496.0 + 1023.0;
  uint64_t MantissaBits = (Bits & 0xfffffffffffffu) | 0x3ff0000000000000u;
  double M;
  std::memcpy(&M, &MantissaBits, sizeof(double));
  bool Halve = M > 1.4142135623730951;
  M = Halve ? M * 0.5 : M;
  E = Halve ? E + 1.0 : E;
  double S = (M - 1.0) / (M + 1.0), S2 = S * S;
  double P = 1.0 / 21;
  for (int K = 19; K >= 1; K -= 2)
    P = P * S2 + 1.0 / K;
  double Result = E * Ln2Hi + (E * Ln2Lo + 2.0 * S * P);
  return X != X ? X : Result;
}

} // namespace torchlint::kernel::detail

#endif // TORCHLINT_KERNEL_COMPUTE_H
