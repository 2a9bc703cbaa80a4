//===--- CrossEntropyCompute.cpp - Fused log-softmax, loss and gradient ---===//
//
// One row is the C logits of one sample (and spatial position). Per row the
// kernel finds the maximum M, stores E_k = exp(x_k - M) in the gradient while
// summing them (S), and with lse = log(S) has the loss and, in place, the
// gradient, log_softmax's backward of the loss terms' gradient -Beta:
//
//   grad_k = E_k / S * Alpha - Beta_k,   Alpha = sum_k Beta_k
//   Beta_k = A [k == target] + B w_k + Cp w_k p_k
//
// (A: nll_loss, B: label smoothing, Cp: class probabilities p). The input is
// read from memory once and the gradient written once; the row's later passes
// hit the cache. The class-index case, the common and the benchmarked one,
// has two vectorised layouts: rows of contiguous classes (2-D input), and
// tiles of spatial positions whose classes are a stride apart (K-dim input).
//
//===----------------------------------------------------------------------===//

#include "Compute.h"
#include "WorkerPool.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace torchlint::kernel::detail {
namespace {

/// Independent accumulators per loop: enough for the compiler to fill vector
/// registers without reassociating a single sum, which it may not do under
/// IEEE semantics.
template <typename T> constexpr int64_t Lanes = 128 / sizeof(T);

template <typename T> T maxOf(const T *X, int64_t N) {
  T Acc[Lanes<T>];
  for (int64_t L = 0; L < Lanes<T>; ++L)
    Acc[L] = -std::numeric_limits<T>::infinity();
  int64_t I = 0;
  for (; I + Lanes<T> <= N; I += Lanes<T>)
    for (int64_t L = 0; L < Lanes<T>; ++L)
      Acc[L] = X[I + L] > Acc[L] ? X[I + L] : Acc[L];
  T M = -std::numeric_limits<T>::infinity();
  for (; I < N; ++I)
    M = X[I] > M ? X[I] : M;
  if (N >= Lanes<T>) // a short row leaves the lanes untouched
    for (int64_t L = 0; L < Lanes<T>; ++L)
      M = Acc[L] > M ? Acc[L] : M;
  return M;
}

/// Sums exp(X - M), storing the terms in E unless it is null. Meanwhile it
/// prefetches the N values at \p Next (if not null), the next row: the
/// exponentials are bound by arithmetic and leave the memory idle, and the
/// next row's maximum would wait for them otherwise. The prefetches go
/// between blocks, because GCC drops them from the loops it vectorises.
template <typename T, bool Store>
T sumExp(const T *X, T M, T *E, int64_t N, const T *Next) {
  constexpr int64_t Block = 16 * Lanes<T>, Line = 64 / sizeof(T);
  T Acc[Lanes<T>] = {};
  const int64_t Vectorised = N - N % Lanes<T>;
  for (int64_t B = 0; B < Vectorised; B += Block) {
    for (int64_t I = B; Next && I < std::min(B + Block, N); I += Line)
      __builtin_prefetch(Next + I, 0, 2);
    for (int64_t I = B; I < std::min(B + Block, Vectorised); I += Lanes<T>)
      for (int64_t L = 0; L < Lanes<T>; ++L) {
        T Term = expNonPositive(X[I + L] - M);
        if (Store)
          E[I + L] = Term;
        Acc[L] += Term;
      }
  }
  T Sum = 0;
  for (int64_t I = Vectorised; I < N; ++I) {
    T Term = expNonPositive(X[I] - M);
    if (Store)
      E[I] = Term;
    Sum += Term;
  }
  if (N >= Lanes<T>)
    for (int64_t L = 0; L < Lanes<T>; ++L)
      Sum += Acc[L];
  return Sum;
}

/// The sum of \p X in double, vectorised.
template <typename T> double sumOf(const T *X, int64_t N) {
  double Acc[Lanes<T>] = {};
  int64_t I = 0;
  for (; I + Lanes<T> <= N; I += Lanes<T>)
    for (int64_t L = 0; L < Lanes<T>; ++L)
      Acc[L] += X[I + L];
  double Sum = 0;
  for (; I < N; ++I)
    Sum += X[I];
  for (int64_t L = 0; L < Lanes<T>; ++L)
    Sum += Acc[L];
  return Sum;
}

struct Partial {
  double Nll = 0, Smooth = 0, Prob = 0;
};

template <typename T> struct Job {
  const Plan &P;
  const T *X;
  T *G;
  std::vector<T> Weight;    // per class; empty: ones
  const T *Probs = nullptr; // smoothed class probabilities, shaped like X
  const std::vector<double> &Upstream;
  double *RowLoss; // Reduction::None only
  // The reductions' factors of each term's gradient.
  double NllCoef = 1, SmoothCoef = 0, ProbCoef = 1;

  T weight(int64_t Class) const {
    return Weight.empty() ? T(1) : Weight[Class];
  }
  double upstream(int64_t Row) const {
    return Upstream.size() == 1 ? Upstream[0] : Upstream[Row];
  }
};

/// Any kind, any layout, one row at a time: the classes are Inner apart.
template <typename T>
void genericRows(const Job<T> &J, int64_t Begin, int64_t End, Partial &Acc) {
  const Plan &P = J.P;
  const int64_t C = P.Classes, Stride = P.Inner;
  const double Smoothing = P.LabelSmoothing;
  for (int64_t R = Begin; R < End; ++R) {
    int64_t Base = (R / Stride) * C * Stride + R % Stride;
    const T *X = J.X + Base;
    T *G = J.G ? J.G + Base : nullptr;
    const T *Prob = J.Probs ? J.Probs + Base : nullptr;
    double Upstream = J.upstream(R);
    double RowLoss = 0;
    T M = -std::numeric_limits<T>::infinity();
    for (int64_t K = 0; K < C; ++K)
      M = X[K * Stride] > M ? X[K * Stride] : M;
    T Sum = 0;
    for (int64_t K = 0; K < C; ++K) {
      T Term = expNonPositive(X[K * Stride] - M);
      if (G)
        G[K * Stride] = Term;
      Sum += Term;
    }
    // Sum >= 1 (or NaN) but for C = 0, where no row reads Lse.
    T Lse = logOfSum(Sum);
    auto LogSoftmax = [&](int64_t K) { return (X[K * Stride] - M) - Lse; };

    T A = 0, B = 0, Cp = 0;
    int64_t Class = -1;
    if (P.Kind == CeKind::Probabilities) {
      T Loss = 0;
      for (int64_t K = 0; K < C; ++K)
        Loss += LogSoftmax(K) * Prob[K * Stride] * J.weight(K);
      RowLoss = -Loss;
      Acc.Prob += RowLoss;
      Cp = static_cast<T>(Upstream * J.ProbCoef);
    } else {
      Class = P.RowClass[R];
      double Nll = 0, Smooth = 0;
      if (Class >= 0) {
        T W = J.weight(Class);
        Nll = -(LogSoftmax(Class) * W);
        A = static_cast<T>(Upstream * J.NllCoef * W);
        Acc.Nll += Nll;
      }
      RowLoss = Nll;
      if (P.Kind == CeKind::Smoothed) {
        if (P.SmoothKeep[R]) {
          T Weighted = 0;
          for (int64_t K = 0; K < C; ++K)
            Weighted += LogSoftmax(K) * J.weight(K);
          Smooth = -Weighted;
          B = static_cast<T>(Upstream * J.SmoothCoef);
          Acc.Smooth += Smooth;
        }
        RowLoss = (1 - Smoothing) * Nll + Smooth * (Smoothing / C);
      }
    }
    if (J.RowLoss)
      J.RowLoss[R] = RowLoss;
    if (!G)
      continue;
    // -Beta is the gradient of the log-softmax; its backward subtracts
    // softmax times the sum of those, which cancels exactly when C = 1.
    auto Beta = [&](int64_t K) {
      T Value = Prob ? Cp * J.weight(K) * Prob[K * Stride] : T(0);
      if (B != 0)
        Value += B * J.weight(K);
      return K == Class ? Value + A : Value;
    };
    T Alpha = 0;
    for (int64_t K = 0; K < C; ++K)
      Alpha += Beta(K);
    T Scale = Alpha / Sum;
    for (int64_t K = 0; K < C; ++K)
      G[K * Stride] = G[K * Stride] * Scale - Beta(K);
  }
}

/// Class indices, 2-D input: vectorised along each row's classes.
template <typename T>
TORCHLINT_VECTOR_CLONES void classRows(const Job<T> &J, int64_t Begin,
                                       int64_t End, Partial &Acc) {
  const int64_t C = J.P.Classes;
  for (int64_t R = Begin; R < End; ++R) {
    const T *X = J.X + R * C;
    T *G = J.G ? J.G + R * C : nullptr;
    T M = maxOf(X, C);
    const T *Next = R + 1 < End ? X + C : nullptr;
    T Sum = G ? sumExp<T, true>(X, M, G, C, Next)
              : sumExp<T, false>(X, M, nullptr, C, Next);
    int64_t Class = J.P.RowClass[R];
    T Nll = 0, A = 0;
    if (Class >= 0) {
      T W = J.weight(Class);
      Nll = -(((X[Class] - M) - logOfSum(Sum)) * W);
      A = static_cast<T>(J.upstream(R) * J.NllCoef * W);
      Acc.Nll += Nll;
    }
    if (J.RowLoss)
      J.RowLoss[R] = Nll;
    if (!G)
      continue;
    T Scale = A / Sum;
    for (int64_t K = 0; K < C; ++K)
      G[K] *= Scale;
    if (Class >= 0)
      G[Class] -= A;
  }
}

/// Positions per tile: the tile's logits, C rows a stride apart, and its
/// gradient take about 512 KiB, which stays in the L2 cache between passes.
template <typename T> int64_t tileWidth(int64_t Classes) {
  int64_t Width = (256 * 1024 / sizeof(T)) / std::max<int64_t>(Classes, 1);
  return std::clamp<int64_t>(Width / 16 * 16, 16, 8192);
}

/// Four rows K..K+3 of a K-dim tile's exponential pass: E_r = exp(X_r - M),
/// summed into Sum in row order, and the target's X_t - M picked into Target
/// on the way. The per-position values stay in registers across the rows
/// instead of a load and a store per row.
template <typename T>
inline void expGroup(const T *__restrict X0, const T *__restrict X1,
                     const T *__restrict X2, const T *__restrict X3,
                     T *__restrict E0, T *__restrict E1, T *__restrict E2,
                     T *__restrict E3, const T *__restrict M, T *__restrict Sum,
                     const int32_t *__restrict Class, int32_t K,
                     T *__restrict Target, int64_t Width) {
  for (int64_t I = 0; I < Width; ++I) {
    T Max = M[I], S = Sum[I], Tg = Target[I];
    int32_t Cls = Class[I];
    T D = X0[I] - Max, E = expNonPositive(D);
    Tg = Cls == K ? D : Tg;
    E0[I] = E;
    S += E;
    D = X1[I] - Max;
    E = expNonPositive(D);
    Tg = Cls == K + 1 ? D : Tg;
    E1[I] = E;
    S += E;
    D = X2[I] - Max;
    E = expNonPositive(D);
    Tg = Cls == K + 2 ? D : Tg;
    E2[I] = E;
    S += E;
    D = X3[I] - Max;
    E = expNonPositive(D);
    Tg = Cls == K + 3 ? D : Tg;
    E3[I] = E;
    Sum[I] = S + E;
    Target[I] = Tg;
  }
}

/// Four rows K..K+3 of a K-dim tile's gradient pass: G_r = E_r * Scale, less
/// A at the target.
template <typename T>
inline void scaleGroup(T *__restrict G0, T *__restrict G1, T *__restrict G2,
                       T *__restrict G3, const T *__restrict Scale,
                       const T *__restrict A, const int32_t *__restrict Class,
                       int32_t K, int64_t Width) {
  for (int64_t I = 0; I < Width; ++I) {
    T S = Scale[I], Ai = A[I];
    int32_t Cls = Class[I];
    G0[I] = G0[I] * S - (Cls == K ? Ai : T(0));
    G1[I] = G1[I] * S - (Cls == K + 1 ? Ai : T(0));
    G2[I] = G2[I] * S - (Cls == K + 2 ? Ai : T(0));
    G3[I] = G3[I] * S - (Cls == K + 3 ? Ai : T(0));
  }
}

/// Class indices, K-dim input: vectorised across a tile of positions, whose
/// logits for one class are contiguous. Units are (sample, tile) pairs. The
/// target's logit is picked and its gradient corrected inside the passes over
/// the rows (a compare and a blend per logit) rather than by a gather and a
/// scatter across them, scalar and 21 rows apart.
template <typename T>
TORCHLINT_VECTOR_CLONES void classTiles(const Job<T> &J, int64_t Begin,
                                        int64_t End, Partial &Acc) {
  const int64_t C = J.P.Classes, Inner = J.P.Inner;
  const int64_t TileWidth = tileWidth<T>(C);
  const int64_t TilesPerSample = (Inner + TileWidth - 1) / TileWidth;
  // Per position: the maximum, the target's shifted logit x_t - M, the sum
  // of exponentials (later the gradient's scale), A, and the class (-1 when
  // ignored) in 32 bits, which compare as wide as T's vectors.
  std::vector<T> MaxV(TileWidth), TargetV(TileWidth), SumV(TileWidth),
      AV(TileWidth);
  std::vector<int32_t> ClassV(TileWidth);
  T *M = MaxV.data(), *Target = TargetV.data(), *Sum = SumV.data(),
    *A = AV.data();
  int32_t *Class = ClassV.data();
  std::vector<T> Scratch(J.G ? 0 : 4 * TileWidth);
  for (int64_t U = Begin; U < End; ++U) {
    int64_t N = U / TilesPerSample, First = (U % TilesPerSample) * TileWidth;
    int64_t Width = std::min(TileWidth, Inner - First);
    const T *X = J.X + N * C * Inner + First;
    T *G = J.G ? J.G + N * C * Inner + First : nullptr;
    const int64_t Row = N * Inner + First;
    const int64_t *RowClass = J.P.RowClass.data() + Row;
    for (int64_t I = 0; I < Width; ++I) {
      M[I] = -std::numeric_limits<T>::infinity();
      Sum[I] = Target[I] = 0;
      Class[I] = static_cast<int32_t>(RowClass[I]);
    }
    // Each pass takes the rows four at a time: the per-position values stay
    // in registers across them, and four streams from memory are in flight
    // instead of one.
    int64_t K = 0;
    for (; K + 4 <= C; K += 4) {
      const T *__restrict X0 = X + K * Inner, *__restrict X1 = X0 + Inner,
                          *__restrict X2 = X1 + Inner,
                          *__restrict X3 = X2 + Inner;
      for (int64_t I = 0; I < Width; ++I) {
        T Max = M[I];
        Max = X0[I] > Max ? X0[I] : Max;
        Max = X1[I] > Max ? X1[I] : Max;
        Max = X2[I] > Max ? X2[I] : Max;
        M[I] = X3[I] > Max ? X3[I] : Max;
      }
    }
    for (; K < C; ++K) {
      const T *Xk = X + K * Inner;
      for (int64_t I = 0; I < Width; ++I)
        M[I] = Xk[I] > M[I] ? Xk[I] : M[I];
    }
    // Without a gradient the terms go to four scratch rows, one per row of a
    // group, so that the group's rows never alias.
    auto TermRow = [&](int64_t K, int64_t InGroup) {
      return G ? G + K * Inner : Scratch.data() + InGroup * TileWidth;
    };
    // The exponentials are bound by arithmetic and leave the memory idle:
    // meanwhile the next tile's logits are prefetched, which its maximum's
    // pass would wait for otherwise, and during the gradient's pass its
    // gradient, which its exponentials' pass would. By blocks of positions,
    // because GCC drops prefetches from the loops it vectorises; the last
    // group of rows fetches the rows left over too.
    const T *Next = nullptr, *NextG = nullptr;
    int64_t NextWidth = 0;
    if (U + 1 < End) {
      int64_t NextFirst = ((U + 1) % TilesPerSample) * TileWidth;
      int64_t Offset = (U + 1) / TilesPerSample * C * Inner + NextFirst;
      Next = J.X + Offset;
      NextG = J.G ? J.G + Offset : nullptr;
      NextWidth = std::min(TileWidth, Inner - NextFirst);
    }
    constexpr int64_t Block = 128, Line = 64 / sizeof(T);
    auto Prefetch = [&](const T *Base, int64_t K, int64_t I0) {
      const int64_t Rows = K + 8 > C ? C - K : 4;
      for (int64_t R = K; Base && R < K + Rows; ++R)
        for (int64_t I = I0; I < std::min(I0 + Block, NextWidth); I += Line)
          __builtin_prefetch(Base + R * Inner + I, 0, 2);
    };
    for (K = 0; K + 4 <= C; K += 4) {
      const T *X0 = X + K * Inner, *X1 = X0 + Inner, *X2 = X1 + Inner,
              *X3 = X2 + Inner;
      T *E0 = TermRow(K, 0), *E1 = TermRow(K + 1, 1), *E2 = TermRow(K + 2, 2),
        *E3 = TermRow(K + 3, 3);
      for (int64_t I0 = 0; I0 < Width; I0 += Block) {
        Prefetch(Next, K, I0);
        expGroup(X0 + I0, X1 + I0, X2 + I0, X3 + I0, E0 + I0, E1 + I0,
                 E2 + I0, E3 + I0, M + I0, Sum + I0, Class + I0,
                 static_cast<int32_t>(K), Target + I0,
                 std::min(Block, Width - I0));
      }
    }
    for (; K < C; ++K) {
      const T *Xk = X + K * Inner;
      T *Ek = TermRow(K, 0);
      const int32_t ThisClass = static_cast<int32_t>(K);
      for (int64_t I = 0; I < Width; ++I) {
        T D = Xk[I] - M[I], Term = expNonPositive(D);
        Target[I] = Class[I] == ThisClass ? D : Target[I];
        Ek[I] = Term;
        Sum[I] += Term;
      }
    }
    // Target turns into the target's log-probability, then into the loss.
    for (int64_t I = 0; I < Width; ++I)
      Target[I] -= logOfSum(Sum[I]);
    if (J.Weight.empty() && J.Upstream.size() == 1) {
      // Without weights every kept position has the same A: vectorised.
      const T Kept = static_cast<T>(J.Upstream[0] * J.NllCoef);
      for (int64_t I = 0; I < Width; ++I) {
        bool Ignored = Class[I] < 0;
        A[I] = Ignored ? T(0) : Kept;
        Target[I] = Ignored ? T(0) : -Target[I];
      }
    } else {
      for (int64_t I = 0; I < Width; ++I) {
        int64_t Cls = RowClass[I];
        if (Cls < 0) { // NllCoef is Inf when all rows are ignored
          A[I] = Target[I] = 0;
          continue;
        }
        T W = J.weight(Cls);
        A[I] = static_cast<T>(J.upstream(Row + I) * J.NllCoef * W);
        Target[I] = -(Target[I] * W);
      }
    }
    for (int64_t I = 0; I < Width; ++I)
      Sum[I] = A[I] / Sum[I];
    Acc.Nll += sumOf(Target, Width);
    if (J.RowLoss)
      std::copy(Target, Target + Width, J.RowLoss + Row);
    if (!G)
      continue;
    for (K = 0; K + 4 <= C; K += 4) {
      T *G0 = G + K * Inner, *G1 = G0 + Inner, *G2 = G1 + Inner,
        *G3 = G2 + Inner;
      for (int64_t I0 = 0; I0 < Width; I0 += Block) {
        Prefetch(NextG, K, I0);
        scaleGroup(G0 + I0, G1 + I0, G2 + I0, G3 + I0, Sum + I0, A + I0,
                   Class + I0, static_cast<int32_t>(K),
                   std::min(Block, Width - I0));
      }
    }
    for (; K < C; ++K) {
      T *Gk = G + K * Inner;
      const int32_t ThisClass = static_cast<int32_t>(K);
      for (int64_t I = 0; I < Width; ++I)
        Gk[I] = Gk[I] * Sum[I] - (Class[I] == ThisClass ? A[I] : T(0));
    }
  }
}

/// Logits per worker below which handing a part to another thread costs
/// more than it saves.
constexpr int64_t MinElementsPerThread = 1 << 15;
/// More threads than that fail to start on some systems, and a failure to
/// start one aborts without exceptions.
constexpr int64_t MaxThreads = 64;

/// Runs Body over [0, Units) in contiguous chunks, one per thread, and adds
/// the chunks' partial sums in order.
template <typename Fn>
Partial parallelUnits(int Threads, int64_t Units, int64_t ElementsPerUnit,
                      Fn Body) {
  int64_t Useful =
      std::max<int64_t>(1, Units * ElementsPerUnit / MinElementsPerThread);
  int64_t Workers = std::min<int64_t>({Threads, MaxThreads, Units, Useful});
  if (Workers <= 1) {
    Partial Total;
    Body(0, Units, Total);
    return Total;
  }
  std::vector<Partial> Parts(Workers);
  auto Chunk = [&](int64_t W) { return Units * W / Workers; };
  runOnWorkers(Workers,
               [&](int64_t W) { Body(Chunk(W), Chunk(W + 1), Parts[W]); });
  Partial Total;
  for (const Partial &Part : Parts) {
    Total.Nll += Part.Nll;
    Total.Smooth += Part.Smooth;
    Total.Prob += Part.Prob;
  }
  return Total;
}

/// The class probabilities cross_entropy weighs the log-softmax with: the
/// target smoothed towards uniform by label_smoothing, in the target's own
/// dtype (its arithmetic in float for the 16-bit ones), then in T.
template <typename T>
std::vector<T> probabilities(const Plan &P, const TensorView &Target) {
  std::vector<T> Probs(static_cast<std::size_t>(numel(Target.Sizes)));
  const double Smoothing = P.LabelSmoothing;
  const bool InDouble = Target.Dtype == ScalarType::Double;
  for (std::size_t I = 0; I < Probs.size(); ++I) {
    double Value = readDouble(Target, I);
    if (Smoothing > 0 && InDouble) {
      Value = Value * (1 - Smoothing) + Smoothing / P.Classes;
    } else if (Smoothing > 0) {
      // The scalars take the tensor's dtype too.
      auto Round = [&](double V) {
        return static_cast<float>(roundTo(Target.Dtype, V));
      };
      Value = Round(Round(Value) * Round(1 - Smoothing));
      Value = Round(Round(Value) + Round(Smoothing / P.Classes));
    }
    Probs[I] = static_cast<T>(Value);
  }
  return Probs;
}

} // namespace

template <typename T>
void computeCrossEntropy(const Plan &P, const TensorView &Target,
                         const ComputeArgs<T> &Args) {
  const int64_t Rows = P.Outer * P.Inner;
  const bool Unreduced = P.Reduce == Reduction::None;
  const bool Mean = P.Reduce == Reduction::Mean;
  std::vector<double> &Loss = *Args.Loss;
  Loss.assign(Unreduced ? Rows : 1, 0.0);

  Job<T> J{P,
           Args.Input,
           Args.Grad,
           {},
           nullptr,
           *Args.Upstream,
           Unreduced ? Loss.data() : nullptr};
  J.Weight.assign(P.ClassWeight.begin(), P.ClassWeight.end());
  std::vector<T> Probs;
  if (P.Kind == CeKind::Probabilities) {
    Probs = probabilities<T>(P, Target);
    J.Probs = Probs.data();
    J.ProbCoef = Mean ? 1.0 / Rows : 1.0;
  } else {
    J.NllCoef = Mean ? 1.0 / P.TotalWeight : 1.0;
    if (P.Kind == CeKind::Smoothed) {
      J.NllCoef *= 1 - P.LabelSmoothing;
      J.SmoothCoef = P.LabelSmoothing / P.Classes;
      if (Mean)
        J.SmoothCoef /= P.SmoothTotal;
    }
  }

  Partial Sums;
  if (P.Kind != CeKind::ClassIndex) {
    Sums = parallelUnits(
        Args.Threads, Rows, P.Classes,
        [&](int64_t B, int64_t E, Partial &Acc) { genericRows(J, B, E, Acc); });
  } else if (P.Inner == 1) {
    Sums = parallelUnits(
        Args.Threads, Rows, P.Classes,
        [&](int64_t B, int64_t E, Partial &Acc) { classRows(J, B, E, Acc); });
  } else if (P.Classes <= std::numeric_limits<int32_t>::max()) {
    int64_t Width = tileWidth<T>(P.Classes);
    int64_t Tiles = (P.Inner + Width - 1) / Width;
    Sums = parallelUnits(
        Args.Threads, P.Outer * Tiles, P.Classes * Width,
        [&](int64_t B, int64_t E, Partial &Acc) { classTiles(J, B, E, Acc); });
  } else { // classes beyond the tiles' 32-bit compares
    Sums = parallelUnits(
        Args.Threads, Rows, P.Classes,
        [&](int64_t B, int64_t E, Partial &Acc) { genericRows(J, B, E, Acc); });
  }
  if (Unreduced)
    return;

  // The reductions of ATen's expressions, term by term.
  switch (P.Kind) {
  case CeKind::ClassIndex:
    Loss[0] = Mean ? Sums.Nll / P.TotalWeight : Sums.Nll;
    break;
  case CeKind::Smoothed: {
    double Nll = Mean ? Sums.Nll / P.TotalWeight : Sums.Nll;
    double Smooth = Mean ? Sums.Smooth / P.SmoothTotal : Sums.Smooth;
    Loss[0] =
        (1 - P.LabelSmoothing) * Nll + Smooth * (P.LabelSmoothing / P.Classes);
    break;
  }
  case CeKind::Probabilities:
    // The mean of an empty input is NaN, not 0 / 0 rows.
    Loss[0] = !Mean                   ? Sums.Prob
              : Rows * P.Classes == 0 ? std::numeric_limits<double>::quiet_NaN()
                                      : Sums.Prob / Rows;
    break;
  }
}

template <typename T>
void computeNllLoss(const Plan &P, const ComputeArgs<T> &Args) {
  const int64_t Rows = P.Outer * P.Inner, C = P.Classes;
  const bool Unreduced = P.Reduce == Reduction::None;
  const bool Mean = P.Reduce == Reduction::Mean;
  std::vector<double> &Loss = *Args.Loss;
  Loss.assign(Unreduced ? Rows : 1, 0.0);
  if (Args.Grad)
    std::fill(Args.Grad, Args.Grad + Rows * C, T(0));
  const double Coef = Mean ? 1.0 / P.TotalWeight : 1.0;
  double Total = 0;
  for (int64_t R = 0; R < Rows; ++R) {
    int64_t Class = P.RowClass[R];
    if (Class < 0)
      continue;
    int64_t At = (R / P.Inner) * C * P.Inner + Class * P.Inner + R % P.Inner;
    T W = P.ClassWeight.empty() ? T(1) : static_cast<T>(P.ClassWeight[Class]);
    T Value = -Args.Input[At] * W;
    Total += Value;
    if (Unreduced)
      Loss[R] = Value;
    if (Args.Grad) {
      double Upstream = Args.Upstream->size() == 1 ? (*Args.Upstream)[0]
                                                   : (*Args.Upstream)[R];
      Args.Grad[At] = static_cast<T>(-(Upstream * Coef) * W);
    }
  }
  if (!Unreduced)
    Loss[0] = Mean ? Total / P.TotalWeight : Total;
}

template void computeCrossEntropy<float>(const Plan &, const TensorView &,
                                         const ComputeArgs<float> &);
template void computeCrossEntropy<double>(const Plan &, const TensorView &,
                                          const ComputeArgs<double> &);
template void computeNllLoss<float>(const Plan &, const ComputeArgs<float> &);
template void computeNllLoss<double>(const Plan &, const ComputeArgs<double> &);

} // namespace torchlint::kernel::detail
