//===--- WorkerPool.cpp - Threads the kernel keeps between calls ----------===//

#include "WorkerPool.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace torchlint::kernel {
namespace {

class WorkerPool {
public:
  static WorkerPool &get() {
    static WorkerPool Pool;
    return Pool;
  }

  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> Lock(M);
      Stop = true;
    }
    Wake.notify_all();
    for (std::thread &T : Threads)
      T.join();
  }

  void run(int64_t Workers, const std::function<void(int64_t)> &Fn) {
    std::unique_lock<std::mutex> Mine(Turn, std::try_to_lock);
    if (!Mine) {
      for (int64_t W = 0; W < Workers; ++W)
        Fn(W);
      return;
    }
    {
      std::lock_guard<std::mutex> Lock(M);
      // A thread started now takes part in this round.
      for (auto Id = static_cast<int64_t>(Threads.size()) + 1; Id < Workers;
           ++Id)
        Threads.emplace_back([this, Id, Seen = Round] { loop(Id, Seen); });
      Task = &Fn;
      Active = Workers;
      Pending = Workers - 1;
      ++Round;
    }
    Wake.notify_all();
    Fn(0);
    std::unique_lock<std::mutex> Lock(M);
    Done.wait(Lock, [this] { return Pending == 0; });
    Task = nullptr;
  }

private:
  void loop(int64_t Id, uint64_t Seen) {
    std::unique_lock<std::mutex> Lock(M);
    while (true) {
      Wake.wait(Lock, [&] { return Stop || Round != Seen; });
      if (Stop)
        return;
      Seen = Round;
      if (Id >= Active)
        continue;
      const std::function<void(int64_t)> *Fn = Task;
      Lock.unlock();
      (*Fn)(Id);
      Lock.lock();
      if (--Pending == 0)
        Done.notify_one();
    }
  }

  std::mutex Turn; ///< one round at a time
  std::mutex M;    ///< guards what follows
  std::condition_variable Wake, Done;
  std::vector<std::thread> Threads; ///< worker Id is its index + 1
  const std::function<void(int64_t)> *Task = nullptr;
  int64_t Active = 0, Pending = 0;
  uint64_t Round = 0;
  bool Stop = false;
};

} // namespace

void runOnWorkers(int64_t Workers, const std::function<void(int64_t)> &Task) {
  if (Workers <= 1) {
    Task(0);
    return;
  }
  WorkerPool::get().run(Workers, Task);
}

} // namespace torchlint::kernel
