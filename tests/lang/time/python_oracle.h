#pragma once
// Runs a python3 program and returns its output lines: the expected values
// of every table test come from CPython, never from our own output.

#include <string>
#include <vector>

#include "lang/time/error.h"

namespace quire::lang::time::testing {

// Runs `program` with python3 (TZ=UTC) and returns one entry per output
// line. Fails the test (returns empty) if python3 exits non-zero.
std::vector<std::string> run_python(const std::string& program);

// Python preamble: `from datetime import *`, ZoneInfo, r(f, how=str) giving
// f()'s text (floats as %.17g, tuples as "(a, b)") or "ERR Kind message",
// and show(f, how) printing it.
extern const char* const kPythonPrelude;

// "ERR ValueError message", as the prelude's show() prints errors.
std::string describe(const PyError& e);

// Runs `produce` and returns its text, or describe() of the PyError.
template <class F>
std::string capture(F produce) {
  try {
    return produce();
  } catch (const PyError& e) {
    return describe(e);
  }
}

// The parts joined by '|' (avoids GCC 12's -Wrestrict false positive on
// "literal" + std::string&& at -O3).
std::string join(const std::vector<std::string>& parts);

// "(a,b,c)": a Python tuple literal of already-formatted items.
std::string py_tuple(const std::vector<std::string>& items);

// A Python str literal of UTF-8 text ("'...'" with escapes).
std::string py_str(const std::string& text);

// printf("%.17g") of v, which Python's '%.17g' % v matches exactly.
std::string g17(double v);

}  // namespace quire::lang::time::testing
