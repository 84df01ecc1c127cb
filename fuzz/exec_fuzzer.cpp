// libFuzzer target for the whole language: any bytes are compiled and, when
// they compile, run in an isolate under a step budget and a small heap cap.
// A program may fail with any Python exception; it must never crash the
// process, corrupt memory (ASan), hit undefined behaviour (UBSan) or hang.
// Seeds: the differential programs (tests/differential/programs).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lang/run/run.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static quire::lang::Isolate isolate;  // reused, as the server will reuse them
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  quire::lang::Compiled compiled = quire::lang::compile("fuzz.py", source);
  if (!compiled.program) {
    (void)compiled.error_text();
    return 0;
  }
  // Steps bound the loop count, not the cost of one step: big-int arithmetic in
  // a long loop grows, so keep the budget modest (see the sandbox issue).
  isolate.steps_left = 50'000;
  isolate.heap.set_limit(64u << 20);
  isolate.output = [](std::string_view) {};
  (void)quire::lang::run(isolate, *compiled.program);
  return 0;
}
