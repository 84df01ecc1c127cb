#include "lang/time/int128.h"

#include <algorithm>
#include <cmath>

namespace quire::lang::time {

__extension__ typedef unsigned __int128 UInt128;

std::string int128_to_string(Int128 v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  UInt128 u = negative ? -static_cast<UInt128>(v) : static_cast<UInt128>(v);
  std::string digits;
  while (u != 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

Int128 floor_div(Int128 a, Int128 b) {
  Int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Int128 floor_mod(Int128 a, Int128 b) {
  return a - floor_div(a, b) * b;
}

Int128 divide_nearest(Int128 a, Int128 b) {
  Int128 q = floor_div(a, b);
  Int128 r = a - q * b;  // same sign as b
  // Compare 2r with b in magnitude; on a tie pick the even quotient.
  Int128 twice = 2 * r;
  bool above = b > 0 ? twice > b : twice < b;
  bool tie = twice == b;
  if (above || (tie && (q & 1) != 0)) ++q;
  return q;
}

namespace {
int bit_length(UInt128 v) {
  int n = 0;
  while (v != 0) {
    ++n;
    v >>= 1;
  }
  return n;
}
}  // namespace

double true_divide(Int128 a, Int128 b) {
  if (a == 0) return b < 0 ? -0.0 : 0.0;
  bool negative = (a < 0) != (b < 0);
  UInt128 n = a < 0 ? -static_cast<UInt128>(a) : static_cast<UInt128>(a);
  UInt128 d = b < 0 ? -static_cast<UInt128>(b) : static_cast<UInt128>(b);
  // Scale so the quotient has 55 or 56 bits, keep a sticky bit for the
  // remainder, then round to 53 bits half-to-even: one rounding, as Python.
  int shift = 55 + bit_length(d) - bit_length(n);
  UInt128 q, r;
  if (shift >= 0) {
    UInt128 scaled = n << shift;  // at most 55 + bit_length(d) <= 123 bits
    q = scaled / d;
    r = scaled % d;
  } else {
    UInt128 scaled = d << -shift;
    q = n / scaled;
    r = n % scaled;
  }
  int extra = bit_length(q) - 53;
  UInt128 mantissa = q >> extra;
  UInt128 dropped = q & ((static_cast<UInt128>(1) << extra) - 1);
  UInt128 half = static_cast<UInt128>(1) << (extra - 1);
  bool sticky = r != 0;
  if (dropped > half || (dropped == half && (sticky || (mantissa & 1) != 0))) ++mantissa;
  double result = std::ldexp(static_cast<double>(mantissa), extra - shift);
  return negative ? -result : result;
}

}  // namespace quire::lang::time
