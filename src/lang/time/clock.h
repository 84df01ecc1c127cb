#pragma once
// Where now() and today() read the time, and which zone is "local". The
// host passes a SystemClock; tests pass a FixedClock.

#include <cstdint>

#include "lang/time/zone.h"

namespace quire::lang::time {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t unix_micros() const = 0;  // microseconds since 1970-01-01 UTC
  virtual TzRef local_zone() const = 0;
};

class SystemClock : public Clock {
 public:
  int64_t unix_micros() const override;
  TzRef local_zone() const override { return system_local_zone(); }
};

class FixedClock : public Clock {
 public:
  FixedClock(int64_t unix_micros, TzRef local) : micros_(unix_micros), local_(local) {}
  int64_t unix_micros() const override { return micros_; }
  TzRef local_zone() const override { return local_; }

 private:
  int64_t micros_;
  TzRef local_;
};

}  // namespace quire::lang::time
