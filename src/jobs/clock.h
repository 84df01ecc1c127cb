#pragma once
// Time as the jobs layer sees it: milliseconds since the Unix epoch (UTC),
// read through an interface so tests can drive days of schedule in
// milliseconds with a fake clock.

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace quire::jobs {

using Millis = std::int64_t;

// A sleeper's alarm: notify() cuts the current (or next) sleep short. The
// scheduler uses it to wake early when job types change and to stop.
class Wakeup {
 public:
  void notify();
  // Clears a pending notification and reports whether there was one.
  bool take();

 private:
  friend class SystemClock;
  friend class FakeClock;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool signalled_ = false;
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis now_ms() const = 0;
  // Returns when now_ms() >= deadline or `wakeup` was notified, whichever is
  // first. A notification that came before the call ends the sleep at once.
  virtual void sleep_until(Millis deadline, Wakeup& wakeup) = 0;
};

// The real wall clock.
class SystemClock final : public Clock {
 public:
  Millis now_ms() const override;
  void sleep_until(Millis deadline, Wakeup& wakeup) override;
};

// A clock that moves only when told to, or when someone sleeps on it: a sleep
// jumps time forward to its deadline at once. A sleep past `limit` stops time
// at the limit and blocks until a notification, so a test can let a scheduler
// thread run through days of schedule and then stop it at a known time.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Millis start) : now_(start) {}
  Millis now_ms() const override;
  void sleep_until(Millis deadline, Wakeup& wakeup) override;

  void set(Millis now);
  void advance(Millis by);
  void set_limit(Millis limit);
  // True once a sleeper has been stopped at the limit.
  bool at_limit() const;

 private:
  mutable std::mutex mutex_;
  Millis now_;
  Millis limit_ = INT64_MAX;
  bool at_limit_ = false;
};

}  // namespace quire::jobs
