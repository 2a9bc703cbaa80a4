//===--- WorkerPool.h - Threads the kernel keeps between calls ------------===//
//
// Starting a thread costs tens of microseconds, as much as a whole call on a
// megabyte of logits; the kernel's workers are started once and kept.
//
//===----------------------------------------------------------------------===//

#ifndef TORCHLINT_KERNEL_WORKERPOOL_H
#define TORCHLINT_KERNEL_WORKERPOOL_H

#include <cstdint>
#include <functional>

namespace torchlint::kernel {

/// Runs Task(0), ..., Task(Workers - 1) and returns when all have returned:
/// Task(0) on the calling thread, the others on threads of a pool started on
/// first use. A call made while another thread's call is running runs all
/// its tasks on its own thread instead of waiting.
void runOnWorkers(int64_t Workers, const std::function<void(int64_t)> &Task);

} // namespace torchlint::kernel

#endif // TORCHLINT_KERNEL_WORKERPOOL_H
