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

void check_format_size(int64_t size) {
  if (size > kMaxFormatSize) raise(ErrorKind::MemoryError, "");
}

std::string concat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (std::string_view part : parts) out += part;
  return out;
}

}  // namespace quire::lang::numeric
