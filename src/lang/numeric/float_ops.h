#pragma once
// Python float semantics on double, exactly as CPython 3.11: repr/str,
// float(str), floor division and modulo signs, pow and its errors, round(),
// hash, as_integer_ratio, hex/fromhex. Errors are thrown as PyError.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "lang/numeric/bigint.h"
#include "lang/numeric/error.h"

namespace quire::lang::numeric {

// repr(x) == str(x): the shortest string that reads back as x, in CPython's
// layout: scientific when the decimal exponent is < -4 or >= 16 ("1e+16",
// "1e-05", "1.5e+300"), otherwise positional with at least one fractional
// digit ("123.0", "0.0001"); "inf", "-inf", "nan", "-0.0".
std::string float_repr(double x);

// float(text): surrounding whitespace (Unicode too), sign, '_' between digits,
// "inf"/"infinity"/"nan" in any case, hex not accepted (that is fromhex).
// ValueError "could not convert string to float: 'x'" (repr of the text).
double parse_float(std::string_view text);
// The same without throwing: nullopt with `error` set. Scripts parse bad
// input in loops (`try: float(s) except ValueError`), where a C++ throw would
// cost more than the rest of the loop together (as BigInt::try_parse).
std::optional<double> try_parse_float(std::string_view text, PyError& error);

// x / y. ZeroDivisionError "float division by zero".
double float_true_div(double x, double y);
// x // y, x % y and divmod as CPython's float_floor_div/float_rem/float_divmod
// (result sign of y, -0.0 where CPython gives it). ZeroDivisionError
// "float floor division by zero", "float modulo", "float divmod()".
double float_floor_div(double x, double y);
double float_mod(double x, double y);
std::pair<double, double> float_divmod(double x, double y);

// x ** y. ZeroDivisionError "0.0 cannot be raised to a negative power";
// OverflowError "(34, 'Numerical result out of range')". CPython returns a
// complex for a negative base and a non-integral exponent; we have no complex
// type, so this throws ValueError "negative number cannot be raised to a
// fractional power" (the Python 2 message) instead.
double float_pow(double x, double y);

// round(x) with no ndigits: nearest integer, ties to even, as a double
// holding an integral value (turn it into an int with BigInt::from_double,
// which raises CPython's errors for inf and NaN).
double float_round_half_even(double x);
// round(x, ndigits): correctly rounded on the exact binary value, ties to
// even, as CPython (round(2.675, 2) == 2.67, round(-0.4, 0) == -0.0).
// OverflowError "rounded value too large to represent".
double float_round(double x, int64_t ndigits);
// round(n, ndigits) for an int: n itself when ndigits >= 0, else rounded to a
// multiple of 10**-ndigits, ties to even (round(1250, -2) == 1200).
BigInt int_round(const BigInt& n, int64_t ndigits);

// hash(float) as CPython; inf -> 314159, -inf -> -314159. CPython 3.10+
// hashes NaN by object identity; we have no identity here and return 0.
int64_t hash_double(double x);

bool float_is_integer(double x);

// x.as_integer_ratio(): lowest terms, positive denominator. OverflowError
// "cannot convert Infinity to integer ratio", ValueError "cannot convert NaN
// to integer ratio".
std::pair<BigInt, BigInt> float_as_integer_ratio(double x);

// float.hex(x): "0x1.8000000000000p+0", "-0x0.0p+0", "inf", "nan".
std::string float_hex(double x);
// float.fromhex(text). ValueError "invalid hexadecimal floating-point
// string"; OverflowError "hexadecimal value too large to represent as a float".
double float_fromhex(std::string_view text);

}  // namespace quire::lang::numeric
