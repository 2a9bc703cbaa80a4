//===--- TypeTables.h - clang's type tables sized for LibTorch --*- C++ -*-===//
//
// clang keeps every type, nested name specifier and special member name once,
// in hash tables (FoldingSets) that start small, double as they fill, and
// keep up to two nodes per bucket. A FoldingSet stores no hash with its
// nodes, so each node a lookup passes on its bucket's chain has its whole
// profile computed again to be compared. Parsing <torch/torch.h> creates
// about a million of these nodes and looks them up many times over: sized
// beforehand with one bucket per node, the parse takes about a tenth less
// time (docs/performance.md).
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_TOOL_TYPETABLES_H
#define TORCHLINT_TOOL_TYPETABLES_H

namespace clang {
class ASTContext;
} // namespace clang

namespace torchlint {

/// Sizes the type tables of \p Context for a parse of LibTorch's headers from
/// their source: a build of a precompiled prefix, or a parse without one. A
/// parse that reads its LibTorch declarations from a precompiled prefix
/// creates far fewer nodes and gains nothing from it.
void reserveTypeTablesForLibTorch(clang::ASTContext &Context);

} // namespace torchlint

#endif // TORCHLINT_TOOL_TYPETABLES_H
