#include "lang/numeric/error.h"

#include <utility>

namespace quire::lang::numeric {

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::ValueError:
      return "ValueError";
    case ErrorKind::TypeError:
      return "TypeError";
    case ErrorKind::OverflowError:
      return "OverflowError";
    case ErrorKind::ZeroDivisionError:
      return "ZeroDivisionError";
    case ErrorKind::IndexError:
      return "IndexError";
    case ErrorKind::KeyError:
      return "KeyError";
    case ErrorKind::MemoryError:
      return "MemoryError";
  }
  return "Exception";
}

void raise(ErrorKind kind, std::string message) {
  throw PyError{kind, std::move(message)};
}

}  // namespace quire::lang::numeric
