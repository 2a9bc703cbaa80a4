//===--- Support.h - Dtypes, shapes and messages for the kernel -----------===//
//
// The pieces of c10 the loss checks need: dtype categories and promotion,
// broadcasting, reading an element of any dtype, and printing sizes and
// doubles the way c10::str does.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_KERNEL_SUPPORT_H
#define TORCHLINT_KERNEL_SUPPORT_H

#include "LossKernel.h"

#include <optional>
#include <string>
#include <vector>

namespace torchlint::kernel::detail {

using Sizes = std::vector<int64_t>;

bool isFloating(ScalarType T);
/// Byte, Char, Short, Int, Long (not Bool).
bool isIntegral(ScalarType T);
/// c10::promoteTypes for the dtypes of the enumeration.
ScalarType promoteTypes(ScalarType A, ScalarType B);

/// The product of \p S; the caller has checked that it does not overflow.
int64_t numel(const Sizes &S);

/// "[32, 3]", as c10 prints an IntArrayRef.
std::string formatSizes(const Sizes &S);
/// As std::ostream prints a double by default ("0.5", "1e+20", "inf").
std::string formatDouble(double V);
/// "\"Name\" not implemented for 'Dtype'", AT_DISPATCH's message.
std::string notImplemented(const char *Name, ScalarType T);
/// "expected scalar type Expected but found Found", Tensor::data_ptr's.
std::string expectedScalarType(ScalarType Expected, ScalarType Found);

/// Element \p I of \p V, converted to double (Half and BFloat16 decoded).
double readDouble(const TensorView &V, int64_t I);
/// \p V rounded to the precision of the floating dtype \p T, as storing it
/// in a tensor of that dtype rounds it (to nearest, ties to even).
double roundTo(ScalarType T, double V);

/// Element \p I of an integral or Bool view.
int64_t readInteger(const TensorView &V, int64_t I);

/// The broadcast shape of \p A and \p B, or at::infer_size's message in
/// \p Message.
std::optional<Sizes> broadcastShapes(const Sizes &A, const Sizes &B,
                                     std::string &Message);

/// The values of \p V broadcast to \p Shape (which \p V's shape must
/// broadcast to), converted to T.
template <typename T>
std::vector<T> expandTo(const TensorView &V, const Sizes &Shape);

} // namespace torchlint::kernel::detail

#endif // TORCHLINT_KERNEL_SUPPORT_H
