#pragma once
// The VM's calls into the numeric library (src/lang/numeric): its
// numeric::PyError exceptions become the pending Python exception of the same
// class and message, so CPython's messages live in one place.

#include "lang/numeric/error.h"
#include "lang/object/runtime.h"

namespace quire::lang {

Type* error_type(numeric::ErrorKind kind);

// Runs `f`; a numeric::PyError becomes the pending Python exception (false).
template <class F>
bool guarded(Isolate& I, F&& f) {
  try {
    f();
    return true;
  } catch (const numeric::PyError& e) {
    raise(I, error_type(e.kind), e.message);
    return false;
  }
}

}  // namespace quire::lang
