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
  Ticket ticket;
  ticket.at = deadlines_.emplace(deadline, &isolate);
  ticket.armed = true;
  wake_.notify_all();
  return ticket;
}

void Watchdog::disarm(Ticket& ticket) {
  if (!ticket.armed) return;
  std::lock_guard<std::mutex> lock(mutex_);
  // A fired deadline was already erased by the loop and marked with a null isolate.
  if (ticket.at->second)
    deadlines_.erase(ticket.at);
  else
    deadlines_.erase(ticket.at);
  ticket.armed = false;
}

void Watchdog::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (deadlines_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto first = deadlines_.begin();
    if (Clock::now() < first->first) {
      wake_.wait_until(lock, first->first);
      continue;
    }
    // Expired: stop the run, and leave the entry (with no isolate) for its
    // owner's disarm to erase, so tickets stay valid.
    for (auto it = deadlines_.begin(); it != deadlines_.end() && it->first <= Clock::now(); ++it) {
      if (!it->second) continue;
      it->second->stop_reason.store(Isolate::kStopDeadline);
      it->second->stop_flag.store(true);
      it->second = nullptr;
    }
    // Fired entries remain until disarmed; wait for a new arm or disarm.
    bool pending = false;
    for (auto& d : deadlines_)
      if (d.second) pending = true;
    if (!pending) {
      wake_.wait(lock);
    } else {
      auto next = deadlines_.begin();
      while (next != deadlines_.end() && !next->second) ++next;
      wake_.wait_until(lock, next->first);
    }
  }
}

}  // namespace quire::lang::sandbox
