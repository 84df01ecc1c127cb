// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Argument parsing for native functions, with CPython's TypeError messages.

#include "lang/object/runtime.h"

namespace quire::lang {

bool parse_args(Isolate& I, const char* fname, Value* args, std::size_t nargs, const Tuple* kwnames,
                std::initializer_list<const char*> params, std::size_t required, Value* out,
                bool positional_only) {
  std::size_t nparams = params.size();
  for (std::size_t i = 0; i < nparams; ++i) out[i] = Value();
  if (nargs > nparams) {
    if (required == nparams) {
      raise(I, types().TypeError,
            std::string(fname) + "() takes exactly " +
                (nparams == 1 ? "one argument" : std::to_string(nparams) + " arguments") + " (" +
                std::to_string(nargs) + " given)");
    } else {
      raise(I, types().TypeError,
            std::string(fname) + "() takes at most " + std::to_string(nparams) + " argument" +
                (nparams == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
    }
    return false;
  }
  for (std::size_t i = 0; i < nargs; ++i) out[i] = args[i];
  std::size_t nkw = kwnames ? kwnames->size : 0;
  for (std::size_t k = 0; k < nkw; ++k) {
    std::string_view name = as_str(kwnames->items()[k])->view();
    std::size_t idx = 0;
    bool found = false;
    for (const char* p : params) {
      if (name == p) {
        found = true;
        break;
      }
      ++idx;
    }
    if (!found || positional_only) {
      if (positional_only)
        raise(I, types().TypeError, std::string(fname) + "() takes no keyword arguments");
      else
        raise(I, types().TypeError,
              "'" + std::string(name) + "' is an invalid keyword argument for " + fname + "()");
      return false;
    }
    if (!out[idx].is_undef()) {
      raise(I, types().TypeError,
            "argument for " + std::string(fname) + "() given by name ('" + std::string(name) +
                "') and position (" + std::to_string(idx + 1) + ")");
      return false;
    }
    out[idx] = args[nargs + k];
  }
  for (std::size_t i = 0; i < required; ++i) {
    if (out[i].is_undef()) {
      if (required == nparams && nparams <= 1) {
        raise(I, types().TypeError, std::string(fname) + "() takes exactly one argument (0 given)");
      } else {
        raise(I, types().TypeError,
              std::string(fname) + "() missing required argument '" + *(params.begin() + i) +
                  "' (pos " + std::to_string(i + 1) + ")");
      }
      return false;
    }
  }
  return true;
}

}  // namespace quire::lang
