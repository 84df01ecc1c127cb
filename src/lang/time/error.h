#pragma once
// Errors raised by the datetime semantics. Each carries the Python exception
// class the VM must raise and CPython's exact message.
//
// TODO(time): switch to quire::lang::numeric::PyError once src/lang/numeric
// publishes it, so the VM maps a single error type; only this file changes.

#include <stdexcept>
#include <string>

namespace quire::lang::time {

// ZoneInfoNotFoundError is zoneinfo's subclass of KeyError.
enum class ErrorKind {
  ValueError,
  OverflowError,
  TypeError,
  ZeroDivisionError,
  ZoneInfoNotFoundError
};

struct TimeError : std::runtime_error {
  TimeError(ErrorKind k, const std::string& message) : std::runtime_error(message), kind(k) {}
  ErrorKind kind;
};

[[noreturn]] inline void raise_value_error(const std::string& message) {
  throw TimeError(ErrorKind::ValueError, message);
}
[[noreturn]] inline void raise_overflow_error(const std::string& message) {
  throw TimeError(ErrorKind::OverflowError, message);
}
[[noreturn]] inline void raise_type_error(const std::string& message) {
  throw TimeError(ErrorKind::TypeError, message);
}
[[noreturn]] inline void raise_zero_division(const std::string& message) {
  throw TimeError(ErrorKind::ZeroDivisionError, message);
}

}  // namespace quire::lang::time
