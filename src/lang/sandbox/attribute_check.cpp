// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// The runtime half of the attribute policy: names that reach an attribute
// lookup as data (getattr(x, "_" + "_class__"), "{0.__class__}".format(x))
// obey the same rule the compiler applies to written attributes.
#include "lang/object/runtime.h"
#include "lang/sandbox/policy.h"

namespace quire::lang::sandbox {

bool check_dynamic_attribute(Isolate& I, const Str* name) {
  if (!I.sandboxed || attribute_allowed(name->view())) return true;
  std::string n(name->view());
  std::string message =
      n[0] == '_' ? "\"" + n + "\" is an invalid attribute name because it starts with \"_\""
                  : "\"" + n + "\" is an unsafe attribute";
  raise(I, types().AttributeError, message);
  return false;
}

}  // namespace quire::lang::sandbox
