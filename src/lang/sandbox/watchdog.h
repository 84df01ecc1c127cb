#pragma once
// The deadline enforcer: one thread per process, sleeping until the earliest
// armed deadline, then raising that isolate's stop flag (reason: deadline).
// The VM notices the flag at its next check point and raises the uncatchable
// ScriptTimeoutError. Arming and disarming are O(log n) under one mutex.

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "lang/vm/isolate.h"

namespace quire::lang::sandbox {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;
  struct Ticket {
    std::multimap<Clock::time_point, Isolate*>::iterator at;
    bool armed = false;
  };

  static Watchdog& instance();

  Ticket arm(Isolate& isolate, Clock::time_point deadline);
  // After disarm returns, the watchdog no longer touches the isolate.
  void disarm(Ticket& ticket);

  ~Watchdog();

 private:
  Watchdog() = default;
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::multimap<Clock::time_point, Isolate*> deadlines_;
  std::thread thread_;
  bool stopping_ = false;
};

}  // namespace quire::lang::sandbox
