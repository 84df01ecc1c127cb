#pragma once
// The deadline enforcer: one thread per process, sleeping until the earliest
// armed deadline, then raising that isolate's stop flag (reason: deadline).
// The VM notices the flag at its next check point and raises the uncatchable
// ScriptTimeoutError. Arming and disarming are O(log n) under one mutex.
//
// deadline_for() tells the work charges (sandbox/work.h) how long a run has
// left, so an operation that cannot finish in time fails before it starts.
// It is keyed by the stop flag a run polls (Isolate::cancel), not by the
// isolate: a nested run polls its outermost run's flag and shares its deadline.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
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

  // The deadline armed for the run whose stop flag is `flag` (none when that
  // run has no deadline, or `flag` is null).
  std::optional<Clock::time_point> deadline_for(const std::atomic<bool>* flag);

  ~Watchdog();

 private:
  Watchdog() = default;
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<Ticket, Isolate*> deadlines_;
  // Armed deadlines by the stop flag they raise, and that flag by ticket id
  // (kept until disarm, also once the deadline has fired).
  std::map<const std::atomic<bool>*, Ticket> by_flag_;
  std::map<std::uint64_t, const std::atomic<bool>*> flag_of_;
  std::uint64_t next_id_ = 1;
  // When the thread will next look at the deadlines on its own (max: only
  // when notified). Disarming never shortens it: the thread wakes at a stale
  // time, finds nothing due, and sleeps again.
  Clock::time_point wakes_at_ = Clock::time_point::max();
  std::thread thread_;
  bool stopping_ = false;
};

}  // namespace quire::lang::sandbox
