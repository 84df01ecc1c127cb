// Float arithmetic with CPython 3.11's semantics and error messages.

#include "lang/numeric/float_ops.h"

#include <cerrno>
#include <cmath>

#include "lang/numeric/error.h"
#include "lang/numeric/float_text.h"

namespace quire::lang::numeric {

double float_true_div(double x, double y) {
  if (y == 0.0) raise(ErrorKind::ZeroDivisionError, "float division by zero");
  return x / y;
}

namespace {

// CPython's float_divmod without the zero check: the remainder takes the
// sign of y and the quotient is made exact by fixing up floor().
std::pair<double, double> divmod_unchecked(double x, double y) {
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
  return {floordiv, mod};
}

bool is_odd_integer(double x) {
  return std::fmod(std::fabs(x), 2.0) == 1.0;
}

}  // namespace

double float_floor_div(double x, double y) {
  if (y == 0.0) raise(ErrorKind::ZeroDivisionError, "float floor division by zero");
  return divmod_unchecked(x, y).first;
}

double float_mod(double x, double y) {
  if (y == 0.0) raise(ErrorKind::ZeroDivisionError, "float modulo");
  double mod = std::fmod(x, y);
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

std::pair<double, double> float_divmod(double x, double y) {
  if (y == 0.0) raise(ErrorKind::ZeroDivisionError, "float divmod()");
  return divmod_unchecked(x, y);
}

double float_pow(double x, double y) {
  if (y == 0.0) return 1.0;
  if (std::isnan(x)) return x;
  if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
  if (std::isinf(y)) {
    const double ax = std::fabs(x);
    if (ax == 1.0) return 1.0;
    if ((y > 0.0) == (ax > 1.0)) return std::fabs(y);
    return 0.0;
  }
  if (std::isinf(x)) {
    const bool odd = is_odd_integer(y);
    if (y > 0.0) return odd ? x : std::fabs(x);
    return odd ? std::copysign(0.0, x) : 0.0;
  }
  if (x == 0.0) {
    if (y < 0.0) {
      raise(ErrorKind::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    }
    return is_odd_integer(y) ? x : 0.0;
  }
  bool negate = false;
  if (x < 0.0) {
    if (y != std::floor(y)) {
      raise(ErrorKind::ValueError, "negative number cannot be raised to a fractional power");
    }
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) return negate ? -1.0 : 1.0;
  const double result = std::pow(x, y);
  if (std::isinf(result)) raise(ErrorKind::OverflowError, "(34, 'Numerical result out of range')");
  return negate ? -result : result;
}

double float_round_half_even(double x) {
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return rounded;
}

namespace {

// x == mantissa * 2**exponent with an integral 53-bit mantissa (x finite).
void split_double(double x, BigInt& mantissa, int& exponent) {
  const double m = std::frexp(std::fabs(x), &exponent);
  mantissa = BigInt(static_cast<int64_t>(std::ldexp(m, 53)));
  exponent -= 53;
  if (x < 0) mantissa = -mantissa;
}

// Rounds num / den to the nearest integer, ties to even (den > 0).
BigInt divide_round_half_even(const BigInt& num, const BigInt& den) {
  BigInt::DivMod dm = BigInt::floor_divmod(num, den);
  const int c = compare(dm.remainder + dm.remainder, den);
  if (c > 0 || (c == 0 && dm.quotient.is_odd())) dm.quotient = dm.quotient + 1;
  return dm.quotient;
}

// CPython bounds: beyond these, round(x, n) is x itself or a signed zero.
constexpr int64_t kNdigitsMax = 323;
constexpr int64_t kNdigitsMin = -308;

}  // namespace

double float_round(double x, int64_t ndigits) {
  if (!std::isfinite(x) || x == 0.0) return x;
  if (ndigits > kNdigitsMax) return x;
  if (ndigits < kNdigitsMin) return 0.0 * x;
  if (ndigits >= 0) {
    // As CPython: the decimal string correctly rounded to ndigits places
    // (ties to even on the exact binary value), read back correctly rounded.
    const ShortestDigits d = fixed_digits(x, static_cast<int>(ndigits));
    if (d.digits == "0") return std::copysign(0.0, x);
    return c_strtod(concat({x < 0 ? "-0." : "0.", d.digits, "e", std::to_string(d.decimal_point)}));
  }
  // Exact rational arithmetic on x's binary value: y = x * 10**ndigits,
  // rounded half to even, then divided back and rounded once to a double.
  BigInt mantissa;
  int exponent;
  split_double(x, mantissa, exponent);
  BigInt num = mantissa.abs();
  BigInt den = 1;
  if (exponent >= 0) {
    num = BigInt::lshift(num, exponent);
  } else {
    den = BigInt::lshift(den, -exponent);
  }
  const BigInt scale = BigInt::pow(10, static_cast<uint64_t>(ndigits >= 0 ? ndigits : -ndigits));
  if (ndigits >= 0) {
    num = num * scale;
  } else {
    den = den * scale;
  }
  const BigInt k = divide_round_half_even(num, den);
  if (k.is_zero()) return std::copysign(0.0, x);
  double result;
  try {
    result = ndigits >= 0 ? BigInt::true_div(k, scale) : (k * scale).to_double();
  } catch (const PyError&) {
    raise(ErrorKind::OverflowError, "rounded value too large to represent");
  }
  return x < 0 ? -result : result;
}

BigInt int_round(const BigInt& n, int64_t ndigits) {
  if (ndigits >= 0) return n;
  // More digits to drop than n has: the result is 0 (n < 10**-ndigits / 2).
  if (static_cast<uint64_t>(-(ndigits + 1)) + 1 > mpz_sizeinbase(n.raw(), 10) + 1) return 0;
  const BigInt scale = BigInt::pow(10, static_cast<uint64_t>(-ndigits));
  return divide_round_half_even(n, scale) * scale;
}

int64_t hash_double(double x) {
  if (std::isinf(x)) return x > 0 ? 314159 : -314159;
  if (std::isnan(x)) return 0;
  // hash(x) is the hash of the rational x = m * 2**e: m * 2**e mod P with
  // P = 2**61 - 1, where 2**61 == 1 (mod P) makes the exponent cyclic.
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  BigInt mantissa;
  int exponent;
  split_double(x, mantissa, exponent);
  const uint64_t m = static_cast<uint64_t>(*mantissa.abs().to_int64()) % kModulus;
  const int rotate = ((exponent % 61) + 61) % 61;
  __extension__ typedef unsigned __int128 Uint128;
  const uint64_t h = static_cast<uint64_t>((static_cast<Uint128>(m) << rotate) % kModulus);
  int64_t result = x < 0 ? -static_cast<int64_t>(h) : static_cast<int64_t>(h);
  return result == -1 ? -2 : result;
}

bool float_is_integer(double x) {
  return std::isfinite(x) && std::floor(x) == x;
}

std::pair<BigInt, BigInt> float_as_integer_ratio(double x) {
  if (std::isinf(x)) raise(ErrorKind::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) raise(ErrorKind::ValueError, "cannot convert NaN to integer ratio");
  if (x == 0.0) return {BigInt(0), BigInt(1)};
  BigInt mantissa;
  int exponent;
  split_double(x, mantissa, exponent);
  // Drop common factors of two so the ratio is in lowest terms.
  const int zeros = static_cast<int>(mpz_scan1(mantissa.abs().raw(), 0));
  mantissa = BigInt::rshift(mantissa, zeros);
  exponent += zeros;
  if (exponent >= 0) return {BigInt::lshift(mantissa, exponent), BigInt(1)};
  return {mantissa, BigInt::lshift(1, -exponent)};
}

}  // namespace quire::lang::numeric
