#include "jobs/clock.h"

#include <algorithm>
#include <chrono>

namespace quire::jobs {

void Wakeup::notify() {
  {
    std::lock_guard lock(mutex_);
    signalled_ = true;
  }
  cv_.notify_all();
}

bool Wakeup::take() {
  std::lock_guard lock(mutex_);
  bool was = signalled_;
  signalled_ = false;
  return was;
}

Millis SystemClock::now_ms() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void SystemClock::sleep_until(Millis deadline, Wakeup& wakeup) {
  using namespace std::chrono;
  // Waiting in short slices against the wall clock follows clock changes
  // (NTP steps, suspend) instead of oversleeping a fixed steady duration.
  std::unique_lock lock(wakeup.mutex_);
  while (!wakeup.signalled_) {
    Millis left = deadline - now_ms();
    if (left <= 0) return;
    wakeup.cv_.wait_for(lock, milliseconds(std::min<Millis>(left, 1000)));
  }
}

Millis FakeClock::now_ms() const {
  std::lock_guard lock(mutex_);
  return now_;
}

void FakeClock::sleep_until(Millis deadline, Wakeup& wakeup) {
  {
    std::lock_guard lock(mutex_);
    if (deadline <= limit_) {
      if (deadline > now_) now_ = deadline;
      return;
    }
    now_ = std::max(now_, limit_);
    at_limit_ = true;
  }
  std::unique_lock lock(wakeup.mutex_);
  wakeup.cv_.wait(lock, [&] { return wakeup.signalled_; });
}

void FakeClock::set(Millis now) {
  std::lock_guard lock(mutex_);
  now_ = now;
}

void FakeClock::advance(Millis by) {
  std::lock_guard lock(mutex_);
  now_ += by;
}

void FakeClock::set_limit(Millis limit) {
  std::lock_guard lock(mutex_);
  limit_ = limit;
  at_limit_ = false;
}

bool FakeClock::at_limit() const {
  std::lock_guard lock(mutex_);
  return at_limit_;
}

}  // namespace quire::jobs
