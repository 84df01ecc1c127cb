#pragma once
// Errors raised by the datetime semantics: numeric's PyError, so the VM
// catches one error type for every library. Messages are CPython's.
// zoneinfo.ZoneInfoNotFoundError (a KeyError subclass) is raised as
// KeyError until numeric's ErrorKind names it.

#include <string>
#include <utility>

#include "lang/numeric/error.h"

namespace quire::lang::time {

using numeric::ErrorKind;
using numeric::PyError;

[[noreturn]] inline void raise_value_error(std::string message) {
  numeric::raise(ErrorKind::ValueError, std::move(message));
}
[[noreturn]] inline void raise_overflow_error(std::string message) {
  numeric::raise(ErrorKind::OverflowError, std::move(message));
}
[[noreturn]] inline void raise_type_error(std::string message) {
  numeric::raise(ErrorKind::TypeError, std::move(message));
}
[[noreturn]] inline void raise_zero_division(std::string message) {
  numeric::raise(ErrorKind::ZeroDivisionError, std::move(message));
}
[[noreturn]] inline void raise_zone_not_found(std::string message) {
  numeric::raise(ErrorKind::KeyError, std::move(message));
}

}  // namespace quire::lang::time
