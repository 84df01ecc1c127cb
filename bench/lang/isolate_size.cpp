// make bench: the memory an idle isolate holds (issue 3 aim: at most 64 KiB),
// new, after an empty program, and after a deep run once reset.
#include <cstdio>

#include "lang/run/run.h"
#include "lang/vm/exec_region.h"

namespace {

void report(const char* when, const quire::lang::Isolate& isolate) {
  quire::lang::IsolateMemory m = quire::lang::isolate_memory(isolate);
  std::printf(
      "%-34s %7.1f KiB  (object %zu B, heap charged %zu B, pool chunks %zu B, "
      "region resident %zu B of %zu KiB reserved, vectors %zu B)\n",
      when, m.total() / 1024.0, m.object, m.heap_charged, m.heap_pool, m.region_resident,
      m.region_reserved / 1024, m.vectors);
}

bool run(quire::lang::Isolate& isolate, const char* source) {
  quire::lang::Compiled compiled = quire::lang::compile("size.py", source);
  if (compiled.error) return false;
  isolate.output = [](std::string_view) {};
  return quire::lang::run(isolate, *compiled.program).ok;
}

}  // namespace

int main() {
  quire::lang::Isolate isolate;
  report("new isolate", isolate);
  if (!run(isolate, "pass\n")) return 1;
  report("after an empty program", isolate);
  if (!run(isolate,
           "def down(n):\n    return 0 if n == 0 else 1 + down(n - 1)\n"
           "x = [str(i) for i in range(100000)]\nprint(down(900))\n"))
    return 1;
  report("after a deep run (before reset)", isolate);
  isolate.reset();
  report("after it, reset (idle)", isolate);
  return 0;
}
