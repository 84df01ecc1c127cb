#pragma once
// The deadline enforcer: one thread per process, sleeping until the earliest
// armed deadline, then raising that isolate's stop flag (reason: deadline).
// The VM notices the flag at its next check point and raises the uncatchable
// ScriptTimeoutError. Arming and disarming are O(log n) under one mutex.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include "lang/vm/isolate.h"

namespace quire::lang::sandbox {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;
  // Identifies one armed deadline (the id breaks ties between equal times).
  using Ticket = std::pair<Clock::time_point, std::uint64_t>;

  static Watchdog& instance();

  Ticket arm(Isolate& isolate, Clock::time_point deadline);
  // After disarm returns, the watchdog no longer touches the isolate (a
  // deadline that already fired was removed when it fired).
  void disarm(const Ticket& ticket);

  ~Watchdog();

 private:
  Watchdog() = default;
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<Ticket, Isolate*> deadlines_;
  std::uint64_t next_id_ = 1;
  // When the thread will next look at the deadlines on its own (max: only
  // when notified). Disarming never shortens it: the thread wakes at a stale
  // time, finds nothing due, and sleeps again.
  Clock::time_point wakes_at_ = Clock::time_point::max();
  std::thread thread_;
  bool stopping_ = false;
};

}  // namespace quire::lang::sandbox
