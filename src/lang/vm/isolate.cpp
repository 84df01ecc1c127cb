// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/vm/isolate.h"

#include <cstdlib>

#include "lang/object/runtime.h"
#include "lang/vm/exec_region.h"

namespace quire::lang {

Isolate::Isolate() = default;

Isolate::~Isolate() {
  IsolateScope scope(*this);
  reset();
  ExecRegion::release(*this);
}

void Isolate::reset() {
  Heap* previous = t_heap;
  t_heap = &heap;
  // Everything the run left is freed at once, cycles included; counts are ignored.
  pending = Value();
  handled = Value();
  stop_value = Value();
  limit_error = Value();
  uncatchable = false;
  globals.clear();
  globals.shrink_to_fit();
  frames.clear();
  blocks.clear();
  blocks.shrink_to_fit();
  heap.release_all();
  ExecRegion::trim(*this);
  program = nullptr;
  t_heap = previous;
}

bool Isolate::set_global(std::string_view name, Value value) {
  if (!program) return false;
  int slot = program->global_slot(name);
  if (slot < 0) return false;
  if (globals.size() < program->global_names.size()) globals.resize(program->global_names.size());
  incref(value);
  assign(globals[slot], value);
  return true;
}

}  // namespace quire::lang
