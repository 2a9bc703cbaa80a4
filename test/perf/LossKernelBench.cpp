//===--- LossKernelBench.cpp - The kernel against LibTorch's CPU kernel ---===//
//
// Forward and backward of cross_entropy (mean over class-index targets,
// float) at the shapes of issue 6, with the same thread count on both sides:
//
//   kernel    computeLossInto into a preallocated gradient
//   libtorch  F::cross_entropy, then torch::autograd::grad
//   copy      the bound of a fused single pass: read the logits once and
//             write a gradient of the same size once (memcpy, split over the
//             threads)
//
// Each runs in two settings. "cached": every iteration on the same data,
// which stays in the caches where it fits ([8, 32000] is 1 MiB), so that the
// copy measures the caches' bandwidth. "memory" (the three large shapes):
// the iterations cycle through copies of the data that together exceed the
// last-level cache four times, so that every iteration reads its logits from
// memory and the copy measures the memory bandwidth, the bound of issue 6.
//
// Each runs five times; the tables at the end use the fastest of the five,
// which is the least disturbed on a shared machine. Build and run it as
// docs/kernel.md describes; it is not part of the tests.
//
//===----------------------------------------------------------------------===//

#include "LossKernel.h"
#include "WorkerPool.h"

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <unistd.h>

namespace kernel = torchlint::kernel;

namespace {

struct Shape {
  const char *Name;
  std::vector<int64_t> Sizes;
};

const Shape Shapes[] = {{"64x10", {64, 10}},
                        {"4096x1000", {4096, 1000}},
                        {"8x32000", {8, 32000}},
                        {"8x21x128x128", {8, 21, 128, 128}}};
const int ThreadCounts[] = {1, 2};

enum class Residence { Cached, Memory };
const char *residenceName(Residence R) {
  return R == Residence::Cached ? "cached" : "memory";
}

/// One copy of a shape's data.
struct Instance {
  torch::Tensor Logits, Targets, TrainableLogits;
  std::vector<float> Grad, Copy;
};

/// The bytes the copies of a Memory benchmark span: four times the
/// last-level cache, so that a copy is evicted before its next use.
std::size_t poolBytes() {
  long L3 = sysconf(_SC_LEVEL3_CACHE_SIZE);
  return 4 * static_cast<std::size_t>(L3 > 0 ? L3 : 32L << 20);
}

/// The data of one shape in one setting, made once.
std::vector<Instance> &instances(int Index, Residence Where) {
  static std::map<std::pair<int, Residence>, std::vector<Instance>> Made;
  std::vector<Instance> &Set = Made[{Index, Where}];
  if (!Set.empty())
    return Set;
  std::vector<int64_t> Sizes = Shapes[Index].Sizes;
  std::vector<int64_t> TargetSizes = Sizes;
  TargetSizes.erase(TargetSizes.begin() + 1);
  int64_t Elements = 1;
  for (int64_t Size : Sizes)
    Elements *= Size;
  // An iteration touches the logits and a gradient of the same size.
  const std::size_t Touched = 2 * Elements * sizeof(float);
  const std::size_t Count =
      Where == Residence::Cached
          ? 1
          : std::max<std::size_t>(2, (poolBytes() + Touched - 1) / Touched);
  torch::manual_seed(Index);
  Set.resize(Count);
  for (Instance &I : Set) {
    I.Logits = torch::randn(Sizes, torch::dtype(torch::kFloat));
    I.Targets =
        torch::randint(0, Sizes[1], TargetSizes, torch::dtype(torch::kLong));
    I.TrainableLogits = I.Logits.clone().requires_grad_(true);
    I.Grad.resize(Elements);
    I.Copy.resize(Elements);
  }
  return Set;
}

/// The instances in turn, one per iteration.
class Cycle {
public:
  explicit Cycle(std::vector<Instance> &Set) : Set(Set) {}
  Instance &next() {
    Instance &I = Set[Next];
    Next = (Next + 1) % Set.size();
    return I;
  }

private:
  std::vector<Instance> &Set;
  std::size_t Next = 0;
};

kernel::TensorView view(const torch::Tensor &T) {
  return {static_cast<kernel::ScalarType>(T.scalar_type()), T.sizes().vec(),
          T.data_ptr(), T.numel()};
}

void kernelBench(benchmark::State &State, int Index, int Threads,
                 Residence Where) {
  Cycle Data(instances(Index, Where));
  kernel::LossOptions Opts;
  Opts.Threads = Threads;
  float Loss = 0;
  for (auto _ : State) {
    Instance &I = Data.next();
    kernel::LossOutputs Out{&Loss, 1, I.Grad.data(),
                            static_cast<int64_t>(I.Grad.size())};
    kernel::LossInfo Info =
        kernel::computeLossInto(kernel::LossFunction::CrossEntropy,
                                view(I.Logits), view(I.Targets), Opts, Out);
    if (!Info.ok())
      State.SkipWithError(Info.Message.c_str());
    benchmark::DoNotOptimize(Loss);
    benchmark::ClobberMemory();
  }
}

void libtorchBench(benchmark::State &State, int Index, int Threads,
                   Residence Where) {
  Cycle Data(instances(Index, Where));
  at::set_num_threads(Threads);
  for (auto _ : State) {
    Instance &I = Data.next();
    torch::Tensor Loss =
        torch::nn::functional::cross_entropy(I.TrainableLogits, I.Targets);
    torch::Tensor Grad = torch::autograd::grad({Loss}, {I.TrainableLogits})[0];
    benchmark::DoNotOptimize(Grad.data_ptr());
  }
}

void copyBench(benchmark::State &State, int Index, int Threads,
               Residence Where) {
  Cycle Data(instances(Index, Where));
  const int64_t Elements = Data.next().Logits.numel();
  const std::size_t Bytes = Elements * sizeof(float);
  // The kernel's workers, as the kernel uses them: only for 32768 elements
  // or more each.
  const int Workers = static_cast<int>(std::min<int64_t>(
      Threads, std::max<int64_t>(1, Elements / 32768)));
  for (auto _ : State) {
    Instance &I = Data.next();
    const char *From = static_cast<const char *>(I.Logits.data_ptr());
    char *To = reinterpret_cast<char *>(I.Copy.data());
    torchlint::kernel::runOnWorkers(Workers, [&](int64_t T) {
      std::size_t Begin = Bytes * T / Workers, End = Bytes * (T + 1) / Workers;
      std::memcpy(To + Begin, From + Begin, End - Begin);
    });
    benchmark::ClobberMemory();
  }
  State.SetBytesProcessed(State.iterations() * 2 * Bytes);
}

/// The console's report, and the fastest repetition of each benchmark.
class Collector : public benchmark::ConsoleReporter {
public:
  void ReportRuns(const std::vector<Run> &Runs) override {
    for (const Run &R : Runs)
      if (R.run_type == Run::RT_Aggregate && R.aggregate_name == "min")
        Fastest[R.run_name.function_name] = R.GetAdjustedRealTime();
    ConsoleReporter::ReportRuns(Runs);
  }
  std::map<std::string, double> Fastest; // in milliseconds
};

/// Milliseconds, or microseconds below one, to three digits.
std::string duration(double Milliseconds) {
  char Buf[32];
  if (Milliseconds >= 1)
    std::snprintf(Buf, sizeof(Buf), "%.3g ms", Milliseconds);
  else
    std::snprintf(Buf, sizeof(Buf), "%.3g us", Milliseconds * 1000);
  return Buf;
}

std::string name(const char *Kind, int Index, Residence Where, int Threads) {
  return std::string(Kind) + "/" + Shapes[Index].Name + "/" +
         residenceName(Where) + "/threads:" + std::to_string(Threads);
}

/// The three large shapes; the first fits in every cache.
bool large(int Index) { return Index > 0; }

} // namespace

int main(int Argc, char **Argv) {
  benchmark::Initialize(&Argc, Argv);
  c10::SetStackTraceFetcher([] { return std::string(); });
  using Bench = void (*)(benchmark::State &, int, int, Residence);
  const std::pair<const char *, Bench> Kinds[] = {{"kernel", kernelBench},
                                                  {"libtorch", libtorchBench},
                                                  {"copy", copyBench}};
  const Residence Settings[] = {Residence::Cached, Residence::Memory};
  for (Residence Where : Settings)
    for (int Index = 0; Index < 4; ++Index)
      for (int Threads : ThreadCounts)
        for (const auto &[Kind, Fn] : Kinds) {
          if (Where == Residence::Memory && !large(Index))
            continue;
          benchmark::RegisterBenchmark(
              name(Kind, Index, Where, Threads).c_str(), Fn, Index, Threads,
              Where)
              ->Unit(benchmark::kMillisecond)
              ->UseRealTime()
              ->MinTime(0.2)
              ->Repetitions(5)
              ->ComputeStatistics("min",
                                  [](const std::vector<double> &V) {
                                    return *std::min_element(V.begin(),
                                                             V.end());
                                  })
              ->ReportAggregatesOnly(true);
        }
  Collector Report;
  benchmark::RunSpecifiedBenchmarks(&Report);

  for (Residence Where : Settings) {
    std::printf("\nData %s:\n\n"
                "| shape | threads | kernel | LibTorch | copy (bound) | "
                "LibTorch / kernel | kernel / copy |\n"
                "|---|---|---|---|---|---|---|\n",
                Where == Residence::Cached ? "reused (cached)"
                                           : "from memory");
    for (int Index = 0; Index < 4; ++Index)
      for (int Threads : ThreadCounts) {
        auto Time = [&](const char *Kind) {
          auto It = Report.Fastest.find(name(Kind, Index, Where, Threads));
          return It == Report.Fastest.end() ? 0.0 : It->second;
        };
        double Kernel = Time("kernel"), Torch = Time("libtorch"),
               Copy = Time("copy");
        if (Kernel == 0)
          continue; // filtered out
        std::printf("| %s | %d | %s | %s | %s | %.1f | %.1f |\n",
                    Shapes[Index].Name, Threads, duration(Kernel).c_str(),
                    duration(Torch).c_str(), duration(Copy).c_str(),
                    Torch / Kernel, Kernel / Copy);
      }
  }
  benchmark::Shutdown();
  return 0;
}
