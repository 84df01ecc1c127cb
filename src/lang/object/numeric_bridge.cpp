#include "lang/object/numeric_bridge.h"

namespace quire::lang {

Type* error_type(numeric::ErrorKind kind) {
  const BuiltinTypes& T = types();
  switch (kind) {
    case numeric::ErrorKind::ValueError:
      return T.ValueError;
    case numeric::ErrorKind::TypeError:
      return T.TypeError;
    case numeric::ErrorKind::OverflowError:
      return T.OverflowError;
    case numeric::ErrorKind::ZeroDivisionError:
      return T.ZeroDivisionError;
    case numeric::ErrorKind::IndexError:
      return T.IndexError;
    case numeric::ErrorKind::KeyError:
      return T.KeyError;
    case numeric::ErrorKind::MemoryError:
      return T.MemoryError;
  }
  return T.ValueError;
}

}  // namespace quire::lang
