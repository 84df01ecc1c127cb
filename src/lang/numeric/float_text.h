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

// |x| correctly rounded to ndigits >= 0 digits after the point (ties to even
// on the exact binary value), in the same form: dtoa mode 3.
ShortestDigits fixed_digits(double x, int ndigits);

// strtod in the C locale: correctly rounded, overflow gives inf.
double c_strtod(const std::string& text);

// Lays digits out positionally or as d.ddde+XX (exponent at least two
// digits). keep_point_zero appends ".0" to an integral positional result.
std::string layout_digits(const std::string& digits, int decimal_point, bool exponential,
                          bool keep_point_zero);

}  // namespace quire::lang::numeric

namespace quire::lang::numeric {

// CPython's PyOS_double_to_string: code is one of e E f F g G r; precision is
// ignored for 'r' (shortest repr digits). alternate keeps the point and
// trailing zeros ('#'); add_dot_0 makes an integral positional result end in
// ".0" (format() with no type); no_neg_zero drops the sign of a result that
// rounds to zero ('z'); always_sign puts '+' on non-negative numbers. Signs of
// NaN are ignored, as in CPython; inf/nan are upper case for E F G.
std::string double_to_string(double x, char code, int precision, bool alternate, bool add_dot_0,
                             bool no_neg_zero, bool always_sign);

}  // namespace quire::lang::numeric
