#pragma once
// Small helpers shared by the native functions of the `frappe` namespace.

#include <optional>
#include <string>

#include "lang/object/runtime.h"
#include "lang/sandbox/host.h"
#include "model/meta.h"
#include "scripting/frappe_exceptions.h"
#include "scripting/run_state.h"
#include "scripting/value_convert.h"

namespace quire::scripting {

#define QUIRE_NATIVE(fn)                                                                          \
  lang::Value fn(lang::Isolate& I, [[maybe_unused]] lang::Value* args,                            \
                 [[maybe_unused]] std::size_t nargs, [[maybe_unused]] const lang::Tuple* kwnames, \
                 [[maybe_unused]] void* data)

// The innermost run, or a RuntimeError when a native is called outside one.
inline RunState* need_run(lang::Isolate& I) {
  RunState* run = current_run();
  if (!run) lang::raise(I, lang::types().RuntimeError, "no server script is running");
  return run;
}

inline bool given(lang::Value v) {
  return !v.is_undef() && !v.is_none();
}

// JSON of an optional argument (null when not given).
inline bool json_arg(lang::Isolate& I, lang::Value v, Json& out) {
  if (v.is_undef()) {
    out = nullptr;
    return true;
  }
  return to_json(I, v, out);
}

// A str argument that may be omitted or None (then `fallback`).
inline bool opt_string(lang::Isolate& I, lang::Value v, std::string& out, const char* what,
                       const std::string& fallback = "") {
  if (!given(v)) {
    out = fallback;
    return true;
  }
  return arg_string(I, v, out, what);
}

inline bool opt_bool(lang::Isolate& I, lang::Value v, bool& out, bool fallback = false) {
  if (v.is_undef()) {
    out = fallback;
    return true;
  }
  return is_true(I, v, out);
}

inline bool opt_int(lang::Isolate& I, lang::Value v, std::int64_t& out, std::int64_t fallback) {
  if (!given(v)) {
    out = fallback;
    return true;
  }
  if (v.is_bool()) {
    out = v.b;
    return true;
  }
  if (v.is_float()) {
    out = static_cast<std::int64_t>(v.f);
    return true;
  }
  if (lang::is_str(v)) {
    try {
      out = std::stoll(std::string(lang::as_str(v)->view()));
    } catch (...) {
      out = fallback;
    }
    return true;
  }
  return lang::to_int64(I, v, out, "integer");
}

inline lang::Value str_value(lang::Isolate& I, const std::string& s) {
  return lang::new_str(I, s);
}

}  // namespace quire::scripting
