#pragma once
// How the numeric and text library reports a Python-level error without
// knowing the VM: it throws PyError, and the VM catches it at the call
// boundary and raises the matching Python exception with the same message.
// Messages are CPython 3.11's, word for word.

#include <string>

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

}  // namespace quire::lang::numeric
