//===--- Support.cpp - Dtypes, shapes and messages for the kernel ---------===//

#include "Support.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace torchlint::kernel {

const char *scalarTypeName(ScalarType T) {
  switch (T) {
  case ScalarType::Byte:
    return "Byte";
  case ScalarType::Char:
    return "Char";
  case ScalarType::Short:
    return "Short";
  case ScalarType::Int:
    return "Int";
  case ScalarType::Long:
    return "Long";
  case ScalarType::Half:
    return "Half";
  case ScalarType::Float:
    return "Float";
  case ScalarType::Double:
    return "Double";
  case ScalarType::Bool:
    return "Bool";
  case ScalarType::BFloat16:
    return "BFloat16";
  }
  return "Undefined";
}

std::size_t elementSize(ScalarType T) {
  switch (T) {
  case ScalarType::Byte:
  case ScalarType::Char:
  case ScalarType::Bool:
    return 1;
  case ScalarType::Short:
  case ScalarType::Half:
  case ScalarType::BFloat16:
    return 2;
  case ScalarType::Int:
  case ScalarType::Float:
    return 4;
  case ScalarType::Long:
  case ScalarType::Double:
    return 8;
  }
  return 0;
}

namespace detail {

bool isFloating(ScalarType T) {
  return T == ScalarType::Half || T == ScalarType::BFloat16 ||
         T == ScalarType::Float || T == ScalarType::Double;
}

bool isIntegral(ScalarType T) {
  return T == ScalarType::Byte || T == ScalarType::Char ||
         T == ScalarType::Short || T == ScalarType::Int ||
         T == ScalarType::Long;
}

// Ranks within a category; promotion takes the higher one.
static int integerRank(ScalarType T) {
  switch (T) {
  case ScalarType::Bool:
    return 0;
  case ScalarType::Byte:
    return 1;
  case ScalarType::Char:
    return 2;
  case ScalarType::Short:
    return 3;
  case ScalarType::Int:
    return 4;
  default:
    return 5;
  }
}

static int floatRank(ScalarType T) {
  switch (T) {
  case ScalarType::Half:
  case ScalarType::BFloat16:
    return 0;
  case ScalarType::Float:
    return 1;
  default:
    return 2;
  }
}

ScalarType promoteTypes(ScalarType A, ScalarType B) {
  if (A == B)
    return A;
  if (isFloating(A) != isFloating(B))
    return isFloating(A) ? A : B;
  if (isFloating(A)) {
    // Neither 16-bit format holds the other.
    if (floatRank(A) == 0 && floatRank(B) == 0)
      return ScalarType::Float;
    return floatRank(A) > floatRank(B) ? A : B;
  }
  // Unsigned Byte and signed Char meet in Short.
  if ((A == ScalarType::Byte && B == ScalarType::Char) ||
      (A == ScalarType::Char && B == ScalarType::Byte))
    return ScalarType::Short;
  return integerRank(A) > integerRank(B) ? A : B;
}

int64_t numel(const Sizes &S) {
  int64_t N = 1;
  for (int64_t D : S)
    N *= D;
  return N;
}

std::string formatSizes(const Sizes &S) {
  std::string Out = "[";
  for (std::size_t I = 0; I < S.size(); ++I) {
    if (I)
      Out += ", ";
    Out += std::to_string(S[I]);
  }
  return Out + "]";
}

std::string formatDouble(double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof(Buf), "%g", V);
  return Buf;
}

std::string notImplemented(const char *Name, ScalarType T) {
  return std::string("\"") + Name + "\" not implemented for '" +
         scalarTypeName(T) + "'";
}

std::string expectedScalarType(ScalarType Expected, ScalarType Found) {
  return std::string("expected scalar type ") + scalarTypeName(Expected) +
         " but found " + scalarTypeName(Found);
}

template <typename T> static T load(const TensorView &V, int64_t I) {
  T Value;
  std::memcpy(&Value, static_cast<const char *>(V.Data) + I * sizeof(T),
              sizeof(T));
  return Value;
}

static float fromBits(uint32_t Bits) {
  float F;
  std::memcpy(&F, &Bits, sizeof(F));
  return F;
}

static float halfToFloat(uint16_t H) {
  uint32_t Sign = static_cast<uint32_t>(H & 0x8000) << 16;
  uint32_t Exponent = (H >> 10) & 0x1f;
  uint32_t Mantissa = H & 0x3ff;
  if (Exponent == 0x1f) // Inf and NaN keep their payload.
    return fromBits(Sign | 0x7f800000 | (Mantissa << 13));
  if (Exponent == 0) { // Zero and subnormals: Mantissa * 2^-24.
    float Magnitude = static_cast<float>(Mantissa) * 5.9604644775390625e-8f;
    return Sign ? -Magnitude : Magnitude;
  }
  return fromBits(Sign | ((Exponent + 112) << 23) | (Mantissa << 13));
}

static uint32_t toBits(float F) {
  uint32_t Bits;
  std::memcpy(&Bits, &F, sizeof(Bits));
  return Bits;
}

static uint16_t floatToHalf(float F) {
  uint32_t Bits = toBits(F);
  uint32_t Sign = (Bits >> 16) & 0x8000, Magnitude = Bits & 0x7fffffff;
  if (Magnitude >= 0x7f800000) // Inf stays Inf, NaN stays quiet NaN
    return Sign | 0x7c00 | (Magnitude > 0x7f800000 ? 0x200 : 0);
  if (Magnitude >= 0x477ff000) // 65520 and above round to Inf
    return Sign | 0x7c00;
  if (Magnitude < 0x38800000) // subnormal: a multiple of 2^-24
    return Sign | static_cast<uint16_t>(
                      std::nearbyint(fromBits(Magnitude) * 16777216.0f));
  uint32_t Half = ((Magnitude >> 23) - 112) << 10 | ((Magnitude >> 13) & 0x3ff);
  uint32_t Rest = Magnitude & 0x1fff;
  if (Rest > 0x1000 || (Rest == 0x1000 && (Half & 1)))
    ++Half; // a carry into the exponent is still right
  return static_cast<uint16_t>(Sign | Half);
}

double roundTo(ScalarType T, double V) {
  switch (T) {
  case ScalarType::Float:
    return static_cast<float>(V);
  case ScalarType::Half:
    return halfToFloat(floatToHalf(static_cast<float>(V)));
  case ScalarType::BFloat16: {
    float F = static_cast<float>(V);
    if (F != F)
      return F;
    uint32_t Bits = toBits(F);
    Bits += 0x7fff + ((Bits >> 16) & 1);
    return fromBits(Bits & 0xffff0000);
  }
  default:
    return V;
  }
}

double readDouble(const TensorView &V, int64_t I) {
  switch (V.Dtype) {
  case ScalarType::Byte:
  case ScalarType::Bool:
    return load<uint8_t>(V, I);
  case ScalarType::Char:
    return load<int8_t>(V, I);
  case ScalarType::Short:
    return load<int16_t>(V, I);
  case ScalarType::Int:
    return load<int32_t>(V, I);
  case ScalarType::Long:
    return static_cast<double>(load<int64_t>(V, I));
  case ScalarType::Half:
    return halfToFloat(load<uint16_t>(V, I));
  case ScalarType::BFloat16:
    return fromBits(static_cast<uint32_t>(load<uint16_t>(V, I)) << 16);
  case ScalarType::Float:
    return load<float>(V, I);
  case ScalarType::Double:
    return load<double>(V, I);
  }
  return 0;
}

int64_t readInteger(const TensorView &V, int64_t I) {
  switch (V.Dtype) {
  case ScalarType::Byte:
  case ScalarType::Bool:
    return load<uint8_t>(V, I);
  case ScalarType::Char:
    return load<int8_t>(V, I);
  case ScalarType::Short:
    return load<int16_t>(V, I);
  case ScalarType::Int:
    return load<int32_t>(V, I);
  case ScalarType::Long:
    return load<int64_t>(V, I);
  default:
    return 0;
  }
}

std::optional<Sizes> broadcastShapes(const Sizes &A, const Sizes &B,
                                     std::string &Message) {
  std::size_t Rank = std::max(A.size(), B.size());
  Sizes Out(Rank);
  // From the last dimension, as at::infer_size reports the first mismatch.
  for (std::size_t Back = 0; Back < Rank; ++Back) {
    int64_t SizeA = Back < A.size() ? A[A.size() - 1 - Back] : 1;
    int64_t SizeB = Back < B.size() ? B[B.size() - 1 - Back] : 1;
    if (SizeA != SizeB && SizeA != 1 && SizeB != 1) {
      Message = "The size of tensor a (" + std::to_string(SizeA) +
                ") must match the size of tensor b (" + std::to_string(SizeB) +
                ") at non-singleton dimension " +
                std::to_string(Rank - 1 - Back);
      return std::nullopt;
    }
    Out[Rank - 1 - Back] = SizeA == 1 ? SizeB : SizeA;
  }
  return Out;
}

template <typename T>
std::vector<T> expandTo(const TensorView &V, const Sizes &Shape) {
  std::size_t Rank = Shape.size();
  // The stride of each output dimension in V; 0 where V broadcasts.
  Sizes Strides(Rank, 0);
  int64_t Stride = 1;
  for (std::size_t Back = 0; Back < V.Sizes.size(); ++Back) {
    int64_t Size = V.Sizes[V.Sizes.size() - 1 - Back];
    if (Size != 1)
      Strides[Rank - 1 - Back] = Stride;
    Stride *= Size;
  }
  std::vector<T> Out(static_cast<std::size_t>(numel(Shape)));
  Sizes Index(Rank, 0);
  int64_t Offset = 0;
  for (std::size_t I = 0; I < Out.size(); ++I) {
    Out[I] = static_cast<T>(readDouble(V, Offset));
    // Advance the multi-index like an odometer, keeping Offset in step.
    for (std::size_t D = Rank; D-- > 0;) {
      Offset += Strides[D];
      if (++Index[D] < Shape[D])
        break;
      Offset -= Strides[D] * Shape[D];
      Index[D] = 0;
    }
  }
  return Out;
}

template std::vector<float> expandTo<float>(const TensorView &, const Sizes &);
template std::vector<double> expandTo<double>(const TensorView &,
                                              const Sizes &);

} // namespace detail
} // namespace torchlint::kernel
