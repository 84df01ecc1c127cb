#pragma once
// How the numeric and text library reports a Python-level error without
// knowing the VM: it throws PyError, and the VM catches it at the call
// boundary and raises the matching Python exception with the same message.
// Messages are CPython 3.11's, word for word.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace quire::lang::numeric {

enum class ErrorKind {
  ValueError,
  TypeError,
  OverflowError,
  ZeroDivisionError,
  IndexError,
  KeyError,
  MemoryError,
};

struct PyError {
  ErrorKind kind;
  std::string message;
};

// The Python class name of `kind` ("ValueError", ...), for tests and tracebacks.
const char* error_kind_name(ErrorKind kind);

[[noreturn]] void raise(ErrorKind kind, std::string message);

// Formatting refuses widths and precisions above this (MemoryError) before
// allocating anything; CPython would try and fail. The VM should also check a
// parsed width/precision against the isolate's own memory budget.
inline constexpr int64_t kMaxFormatSize = int64_t{1} << 28;
void check_format_size(int64_t size);

// Joins message parts. (Chains of std::string operator+ trip GCC 12's
// -Wrestrict false positive under -O3, so messages are built with this.)
std::string concat(std::initializer_list<std::string_view> parts);

}  // namespace quire::lang::numeric
