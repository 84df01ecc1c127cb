// libFuzzer target for the sandbox: any bytes are compiled under the
// sandboxed policy and, when they compile, run under tight limits (steps,
// heap, single allocation, recursion, output, and a deadline as a backstop).
// A program may fail with any Python exception or limit error; it must never
// crash, corrupt memory (ASan), hit undefined behaviour (UBSan) or hang.
// Seeds: tests/sandbox/attacks and the differential programs.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lang/sandbox/sandbox.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static quire::lang::Isolate isolate;  // reused, as a worker reuses them
  quire::lang::Limits limits;
  limits.max_steps = 100'000;
  limits.timeout = std::chrono::milliseconds(2000);
  limits.max_heap_bytes = 32u << 20;
  limits.max_single_allocation = 4u << 20;
  limits.max_recursion = 200;
  limits.max_output_bytes = 4096;
  limits.max_source_bytes = 64u << 10;
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  quire::lang::Compiled compiled =
      quire::lang::compile("fuzz.py", source, quire::lang::Policy::Sandboxed, limits);
  if (!compiled.program) {
    (void)compiled.error_text();
    return 0;
  }
  isolate.output = [](std::string_view) {};
  (void)quire::lang::run(isolate, compiled, limits);
  return 0;
}
