#pragma once
// The test oracle: runs a python3 (CPython 3.11) program once and returns its
// output rows. Every expectation in these tests comes from CPython, never from
// our own output. Programs print one row per case; fields are separated by a
// tab and hex-encoded (UTF-8, surrogatepass) so any text survives the trip.
// The Python helper `row(*fields)` and `outcome(fn)` are predefined:
//   row("a", "b")          -> prints hex("a") TAB hex("b")
//   outcome(lambda: f(x))  -> repr-free result: str(value) if it is a str, else
//                             repr(value); or "!Kind: message" on an exception.

#include <string>
#include <vector>

#include "lang/numeric/error.h"

namespace quire::lang::numeric::testing {

using Row = std::vector<std::string>;

// Runs `program` (after the helper prelude) under python3 and returns its rows.
// Fails the calling test (via ADD_FAILURE) when python3 exits non-zero.
std::vector<Row> run_python(const std::string& program);

// "!Kind: message" for a PyError, the same shape outcome() prints.
std::string describe(const PyError& error);

// Calls fn and renders its result like outcome(): the value string, or the
// error as "!Kind: message".
template <typename Fn>
std::string capture(Fn fn) {
  try {
    return fn();
  } catch (const PyError& error) {
    return describe(error);
  }
}

}  // namespace quire::lang::numeric::testing
