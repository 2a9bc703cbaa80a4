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
// Each runs five times; the table at the end uses the fastest of the five,
// which is the least disturbed on a shared machine. Build and run it as
// docs/kernel.md describes; it is not part of the tests.
//
//===----------------------------------------------------------------------===//

#include "LossKernel.h"

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <thread>

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

/// The data of one shape, made once.
struct Problem {
  torch::Tensor Logits, Targets;
  std::vector<float> Grad, Copy;
};

Problem &problem(int Index) {
  static std::map<int, Problem> Problems;
  Problem &P = Problems[Index];
  if (!P.Logits.defined()) {
    torch::manual_seed(Index);
    std::vector<int64_t> Sizes = Shapes[Index].Sizes;
    P.Logits = torch::randn(Sizes, torch::dtype(torch::kFloat));
    std::vector<int64_t> TargetSizes = Sizes;
    TargetSizes.erase(TargetSizes.begin() + 1);
    P.Targets =
        torch::randint(0, Sizes[1], TargetSizes, torch::dtype(torch::kLong));
    P.Grad.resize(P.Logits.numel());
    P.Copy.resize(P.Logits.numel());
  }
  return P;
}

kernel::TensorView view(const torch::Tensor &T) {
  return {static_cast<kernel::ScalarType>(T.scalar_type()), T.sizes().vec(),
          T.data_ptr(), T.numel()};
}

void kernelBench(benchmark::State &State, int Index, int Threads) {
  Problem &P = problem(Index);
  kernel::TensorView In = view(P.Logits), Target = view(P.Targets);
  kernel::LossOptions Opts;
  Opts.Threads = Threads;
  float Loss = 0;
  kernel::LossOutputs Out{&Loss, 1, P.Grad.data(),
                          static_cast<int64_t>(P.Grad.size())};
  for (auto _ : State) {
    kernel::LossInfo Info = kernel::computeLossInto(
        kernel::LossFunction::CrossEntropy, In, Target, Opts, Out);
    if (!Info.ok())
      State.SkipWithError(Info.Message.c_str());
    benchmark::DoNotOptimize(Loss);
    benchmark::ClobberMemory();
  }
}

void libtorchBench(benchmark::State &State, int Index, int Threads) {
  Problem &P = problem(Index);
  at::set_num_threads(Threads);
  torch::Tensor Logits = P.Logits.clone().requires_grad_(true);
  for (auto _ : State) {
    torch::Tensor Loss =
        torch::nn::functional::cross_entropy(Logits, P.Targets);
    torch::Tensor Grad = torch::autograd::grad({Loss}, {Logits})[0];
    benchmark::DoNotOptimize(Grad.data_ptr());
  }
}

void copyBench(benchmark::State &State, int Index, int Threads) {
  Problem &P = problem(Index);
  const char *From = static_cast<const char *>(P.Logits.data_ptr());
  char *To = reinterpret_cast<char *>(P.Copy.data());
  const std::size_t Bytes = P.Copy.size() * sizeof(float);
  // Threads start per call, as the kernel's do, and like its only for 32768
  // elements or more each.
  const int Workers = static_cast<int>(std::min<std::size_t>(
      Threads, std::max<std::size_t>(1, P.Copy.size() / 32768)));
  auto Part = [&](int T) {
    std::size_t Begin = Bytes * T / Workers, End = Bytes * (T + 1) / Workers;
    std::memcpy(To + Begin, From + Begin, End - Begin);
  };
  for (auto _ : State) {
    std::vector<std::thread> Pool;
    for (int T = 1; T < Workers; ++T)
      Pool.emplace_back(Part, T);
    Part(0);
    for (std::thread &T : Pool)
      T.join();
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

std::string name(const char *Kind, int Index, int Threads) {
  return std::string(Kind) + "/" + Shapes[Index].Name +
         "/threads:" + std::to_string(Threads);
}

} // namespace

int main(int Argc, char **Argv) {
  benchmark::Initialize(&Argc, Argv);
  c10::SetStackTraceFetcher([] { return std::string(); });
  using Bench = void (*)(benchmark::State &, int, int);
  const std::pair<const char *, Bench> Kinds[] = {{"kernel", kernelBench},
                                                  {"libtorch", libtorchBench},
                                                  {"copy", copyBench}};
  for (int Index = 0; Index < 4; ++Index)
    for (int Threads : ThreadCounts)
      for (const auto &[Kind, Fn] : Kinds)
        benchmark::RegisterBenchmark(name(Kind, Index, Threads).c_str(), Fn,
                                     Index, Threads)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->MinTime(0.2)
            ->Repetitions(5)
            ->ComputeStatistics("min",
                                [](const std::vector<double> &V) {
                                  return *std::min_element(V.begin(), V.end());
                                })
            ->ReportAggregatesOnly(true);
  Collector Report;
  benchmark::RunSpecifiedBenchmarks(&Report);

  std::printf("\n| shape | threads | kernel | LibTorch | copy (bound) | "
              "LibTorch / kernel | kernel / copy |\n"
              "|---|---|---|---|---|---|---|\n");
  for (int Index = 0; Index < 4; ++Index)
    for (int Threads : ThreadCounts) {
      auto Time = [&](const char *Kind) {
        auto It = Report.Fastest.find(name(Kind, Index, Threads));
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
  benchmark::Shutdown();
  return 0;
}
