#include "lang/sandbox/watchdog.h"

namespace quire::lang::sandbox {

Watchdog& Watchdog::instance() {
  static Watchdog watchdog;
  return watchdog;
}

Watchdog::~Watchdog() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Watchdog::Ticket Watchdog::arm(Isolate& isolate, Clock::time_point deadline) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
  Ticket ticket{deadline, next_id_++};
  deadlines_.emplace(ticket, &isolate);
  by_flag_[&isolate.stop_flag] = ticket;
  flag_of_[ticket.second] = &isolate.stop_flag;
  // Wake the thread only when it would sleep past this deadline. Runs arm
  // one after another with the same timeout, so each new deadline is later
  // than the one the thread already sleeps towards: no context switch per run.
  if (deadline < wakes_at_) wake_.notify_all();
  return ticket;
}

void Watchdog::disarm(const Ticket& ticket) {
  std::lock_guard<std::mutex> lock(mutex_);
  deadlines_.erase(ticket);
  auto flag = flag_of_.find(ticket.second);
  if (flag == flag_of_.end()) return;
  auto armed = by_flag_.find(flag->second);
  if (armed != by_flag_.end() && armed->second == ticket) by_flag_.erase(armed);
  flag_of_.erase(flag);
}

std::optional<Watchdog::Clock::time_point> Watchdog::deadline_for(const std::atomic<bool>* flag) {
  if (!flag) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  auto armed = by_flag_.find(flag);
  if (armed == by_flag_.end()) return std::nullopt;
  return armed->second.first;
}

void Watchdog::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (deadlines_.empty()) {
      wakes_at_ = Clock::time_point::max();
      wake_.wait(lock);
      continue;
    }
    // A copy: the entry may be erased (disarmed) while the lock is released.
    const Clock::time_point earliest = deadlines_.begin()->first.first;
    if (Clock::now() < earliest) {
      wakes_at_ = earliest;
      wake_.wait_until(lock, earliest);
      continue;
    }
    // Expired: the reason first, then the flag the VM polls.
    Isolate* isolate = deadlines_.begin()->second;
    isolate->stop_reason.store(Isolate::kStopDeadline);
    isolate->stop_flag.store(true);
    deadlines_.erase(deadlines_.begin());
  }
}

}  // namespace quire::lang::sandbox
