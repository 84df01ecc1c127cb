// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/compile/code.h"

namespace quire::lang {

const char* op_name(Op op) {
  static const char* const names[] = {
#define QUIRE_OP_NAME(name) #name,
      QUIRE_OPS(QUIRE_OP_NAME)
#undef QUIRE_OP_NAME
  };
  return op < kOpCount ? names[op] : "?";
}

}  // namespace quire::lang
