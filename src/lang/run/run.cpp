// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/run/run.h"

#include <new>

#include "lang/object/runtime.h"
#include "lang/vm/interp.h"

namespace quire::lang {

std::string Compiled::error_text() const {
  if (!error) return "";
  return syntax::format_syntax_error(*error);
}

Compiled compile(std::string_view filename, std::string_view source) {
  Compiled out;
  CompileResult r = compile_source(source, std::string(filename));
  if (r.error) {
    out.error = std::move(r.error);
    return out;
  }
  out.program = std::move(r.program);
  return out;
}

RunResult run(Isolate& isolate, const Program& program) {
  init_runtime();
  isolate.reset();
  IsolateScope scope(isolate);
  RunResult result;
  Value v;
  try {
    v = run_module(isolate, program);
  } catch (const std::bad_alloc&) {
    // The system refused memory mid-run: report MemoryError. The isolate's
    // object list stays consistent (objects are linked only once allocated),
    // so the next reset() frees everything.
    isolate.frames.clear();
    isolate.blocks.clear();
    result.ok = false;
    result.exception_type = "MemoryError";
    result.exception_line = "MemoryError";
    result.traceback = "MemoryError\n";
    return result;
  }
  if (v.is_exc()) {
    result.ok = false;
    Value exc = isolate.pending;
    isolate.pending = Value();
    result.exception_type = type_name(exc);
    result.traceback = format_traceback(isolate, exc);
    result.exception_line = exception_line(isolate, exc);
    decref(exc);
  }
  return result;
}

}  // namespace quire::lang
