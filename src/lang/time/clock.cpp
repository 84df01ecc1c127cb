#include "lang/time/clock.h"

#include <chrono>

namespace quire::lang::time {

int64_t SystemClock::unix_micros() const {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count();
}

}  // namespace quire::lang::time
