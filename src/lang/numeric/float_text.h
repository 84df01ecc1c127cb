#pragma once
// Internal to lang/numeric: decimal digit strings of doubles, shared by
// float repr and the format-spec / printf formatters.

#include <string>

namespace quire::lang::numeric {

// The shortest digits that round-trip |x| (x finite and non-zero), without
// trailing zeros, and the position of the decimal point: value =
// 0.DIGITS * 10**decimal_point.
struct ShortestDigits {
  std::string digits;
  int decimal_point;
};
ShortestDigits shortest_digits(double x);

// Lays digits out positionally or as d.ddde+XX (exponent at least two
// digits). keep_point_zero appends ".0" to an integral positional result.
std::string layout_digits(const std::string& digits, int decimal_point, bool exponential,
                          bool keep_point_zero);

}  // namespace quire::lang::numeric
