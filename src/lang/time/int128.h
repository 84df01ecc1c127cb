#pragma once
// A 128-bit integer for exact microsecond arithmetic: timedelta spans about
// 2^67 microseconds, past int64. `__extension__` keeps -Wpedantic quiet.

#include <cstdint>
#include <string>

namespace quire::lang::time {

__extension__ typedef __int128 Int128;

// Decimal text of v (for the VM to build a Python int, and for messages).
std::string int128_to_string(Int128 v);

// Floor division and modulo as Python defines them (the divisor is nonzero).
Int128 floor_div(Int128 a, Int128 b);
Int128 floor_mod(Int128 a, Int128 b);

// a / b rounded half to even (the divisor is nonzero).
Int128 divide_nearest(Int128 a, Int128 b);

// a / b as the nearest double, as Python's int / int (correctly rounded).
double true_divide(Int128 a, Int128 b);

}  // namespace quire::lang::time
