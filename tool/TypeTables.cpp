//===--- TypeTables.cpp - clang's type tables sized for LibTorch ----------===//

#include "TypeTables.h"
#include "clang/AST/ASTContext.h"

using namespace clang;

namespace torchlint {
namespace {

/// clang 19 offers no way to size its tables from outside. A private member
/// may be named in an explicit instantiation ([temp.spec.general]p6): each
/// table's instantiation below defines get(Tag), found by argument-dependent
/// lookup, which returns the pointer to the member.
template <typename Tag, typename Tag::Member Pointer> struct MemberAccess {
  friend typename Tag::Member get(Tag) { return Pointer; }
};

#define TORCHLINT_TABLE(CLASS, NAME, ...)                                      \
  struct NAME {                                                                \
    using Member = __VA_ARGS__ CLASS::*;                                       \
    friend Member get(NAME);                                                   \
  };                                                                           \
  template struct MemberAccess<NAME, &CLASS::NAME>;

TORCHLINT_TABLE(ASTContext, FunctionProtoTypes,
                llvm::ContextualFoldingSet<FunctionProtoType, ASTContext &>)
TORCHLINT_TABLE(ASTContext, ElaboratedTypes, llvm::FoldingSet<ElaboratedType>)
TORCHLINT_TABLE(ASTContext, NestedNameSpecifiers,
                llvm::FoldingSet<NestedNameSpecifier>)
TORCHLINT_TABLE(ASTContext, SubstTemplateTypeParmTypes,
                llvm::FoldingSet<SubstTemplateTypeParmType>)
TORCHLINT_TABLE(ASTContext, TemplateTypeParmTypes,
                llvm::FoldingSet<TemplateTypeParmType>)
TORCHLINT_TABLE(ASTContext, LValueReferenceTypes,
                llvm::FoldingSet<LValueReferenceType>)
TORCHLINT_TABLE(ASTContext, PointerTypes, llvm::FoldingSet<PointerType>)
TORCHLINT_TABLE(ASTContext, DependentNameTypes,
                llvm::FoldingSet<DependentNameType>)
TORCHLINT_TABLE(ASTContext, RValueReferenceTypes,
                llvm::FoldingSet<RValueReferenceType>)
TORCHLINT_TABLE(
    ASTContext, TemplateSpecializationTypes,
    llvm::ContextualFoldingSet<TemplateSpecializationType, ASTContext &>)
TORCHLINT_TABLE(ASTContext, QualifiedTemplateNames,
                llvm::FoldingSet<QualifiedTemplateName>)
TORCHLINT_TABLE(ASTContext, PackExpansionTypes,
                llvm::FoldingSet<PackExpansionType>)
TORCHLINT_TABLE(DeclarationNameTable, CXXConstructorNames,
                llvm::FoldingSet<detail::CXXSpecialNameExtra>)
TORCHLINT_TABLE(DeclarationNameTable, CXXDestructorNames,
                llvm::FoldingSet<detail::CXXSpecialNameExtra>)

#undef TORCHLINT_TABLE

template <typename Table, typename Owner>
void reserve(Owner &O, Table, unsigned Nodes) {
  // FoldingSet::reserve(N) makes between N / 2 and N buckets: with twice the
  // nodes, a bucket holds one node or less on average.
  (O.*get(Table())).reserve(2 * Nodes);
}

} // namespace

void reserveTypeTablesForLibTorch(ASTContext &Context) {
  // About the nodes of each table after a parse of <torch/torch.h> (LibTorch
  // 1.13, libstdc++ 12, C++17), the tables that grow past a few thousand.
  reserve(Context, ElaboratedTypes(), 176000);
  reserve(Context, FunctionProtoTypes(), 157000);
  reserve(Context, NestedNameSpecifiers(), 110000);
  reserve(Context, SubstTemplateTypeParmTypes(), 79000);
  reserve(Context, TemplateTypeParmTypes(), 56000);
  reserve(Context, LValueReferenceTypes(), 55000);
  reserve(Context, PointerTypes(), 34000);
  reserve(Context, DependentNameTypes(), 26000);
  reserve(Context, RValueReferenceTypes(), 24000);
  reserve(Context, TemplateSpecializationTypes(), 18000);
  reserve(Context, QualifiedTemplateNames(), 12000);
  reserve(Context, PackExpansionTypes(), 7000);
  reserve(Context.DeclarationNames, CXXDestructorNames(), 39000);
  reserve(Context.DeclarationNames, CXXConstructorNames(), 5000);
}

} // namespace torchlint
