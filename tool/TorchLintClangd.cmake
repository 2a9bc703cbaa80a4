# torchlint-clangd: clangd 19 (Debian's libclangdMain.a and friends) with the
# torch- checks linked in. The clangd archives are linked by file, in one
# group, rather than through their imported targets, whose interfaces pull in
# static copies of clang's libraries beside the shared libclang-cpp (LLVM's
# command-line options would then register twice and abort at start-up).
# clangd's remote index needs gRPC and protobuf (libgrpc++-dev).
find_library(TORCHLINT_GRPCXX grpc++)
find_library(TORCHLINT_GRPC grpc)
find_library(TORCHLINT_GPR gpr)
find_library(TORCHLINT_PROTOBUF protobuf)
find_library(TORCHLINT_ABSL_SYNCHRONIZATION absl_synchronization)
set(TorchLintClangdDeps TORCHLINT_GRPCXX TORCHLINT_GRPC TORCHLINT_GPR
    TORCHLINT_PROTOBUF TORCHLINT_ABSL_SYNCHRONIZATION)
set(TorchLintClangdArchives
  clangdMain clangDaemon clangDaemonTweaks clangdSupport
  clangdRemoteIndex clangdRemoteIndexProto clangdRemoteIndexServiceProto
  clangdRemoteMarshalling clangdMonitoringServiceProto
  clangIncludeCleaner clangTidy clangTidyUtils clangPseudo clangPseudoGrammar)
file(GLOB TorchLintTidyModules ${LLVM_LIBRARY_DIR}/libclangTidy*Module.a)
set(TorchLintClangdLibs ${TorchLintTidyModules})
foreach(lib ${TorchLintClangdArchives})
  set(path ${LLVM_LIBRARY_DIR}/lib${lib}.a)
  if(NOT EXISTS ${path})
    list(APPEND TorchLintClangdMissing ${path})
  endif()
  list(APPEND TorchLintClangdLibs ${path})
endforeach()
foreach(dep ${TorchLintClangdDeps})
  if(NOT ${dep})
    list(APPEND TorchLintClangdMissing ${dep})
  endif()
endforeach()

if(TorchLintClangdMissing)
  message(WARNING "torchlint-clangd is not built: missing "
          "${TorchLintClangdMissing} (install libclang-19-dev and libgrpc++-dev)")
  return()
endif()

add_executable(torchlint-clangd ClangdMain.cpp
  $<TARGET_OBJECTS:torchlintChecks>)
target_include_directories(torchlint-clangd PRIVATE
  $<TARGET_PROPERTY:torchlintChecks,INTERFACE_INCLUDE_DIRECTORIES>)
target_compile_options(torchlint-clangd PRIVATE -fno-rtti)
target_compile_definitions(torchlint-clangd PRIVATE
  TORCHLINT_CLANG_RESOURCE_DIR="${TORCHLINT_CLANG_RESOURCE_DIR}"
  ${LLVM_DEFINITIONS})
set(TorchLintClangdDepPaths)
foreach(dep ${TorchLintClangdDeps})
  list(APPEND TorchLintClangdDepPaths ${${dep}})
endforeach()
target_link_libraries(torchlint-clangd PRIVATE
  -Wl,--start-group ${TorchLintClangdLibs} -Wl,--end-group
  clang-cpp LLVM torchlintKernel ${TorchLintClangdDepPaths})
