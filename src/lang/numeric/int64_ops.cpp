#include "lang/numeric/int64_ops.h"

#include <cmath>
#include <limits>

#include "lang/numeric/bigint.h"
#include "lang/numeric/error.h"

namespace quire::lang::numeric {

namespace {

__extension__ typedef __int128 Int128;  // GCC extension; exact 64x64 products

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// C++ division truncates; Python's floors. Adjust when the signs differ and
// the division is inexact.
void floor_div_mod(int64_t a, int64_t b, int64_t& q, int64_t& r) {
  q = a / b;
  r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) {
    q -= 1;
    r += b;
  }
}

}  // namespace

std::optional<int64_t> floor_div(int64_t a, int64_t b) {
  if (b == 0) raise(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
  if (a == kMin && b == -1) return std::nullopt;
  int64_t q, r;
  floor_div_mod(a, b, q, r);
  return q;
}

int64_t floor_mod(int64_t a, int64_t b) {
  if (b == 0) raise(ErrorKind::ZeroDivisionError, "integer modulo by zero");
  if (b == -1) return 0;  // also avoids the INT64_MIN % -1 trap
  int64_t q, r;
  floor_div_mod(a, b, q, r);
  return r;
}

std::optional<Int64DivMod> floor_divmod(int64_t a, int64_t b) {
  if (b == 0) raise(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
  if (a == kMin && b == -1) return std::nullopt;
  Int64DivMod result;
  floor_div_mod(a, b, result.quotient, result.remainder);
  return result;
}

std::optional<int64_t> checked_pow(int64_t base, int64_t exp) {
  if (exp < 0) return std::nullopt;
  int64_t result = 1;
  int64_t factor = base;
  while (true) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, factor, &result)) return std::nullopt;
    }
    exp >>= 1;
    if (exp == 0) break;
    if (__builtin_mul_overflow(factor, factor, &factor)) return std::nullopt;
  }
  return result;
}

int64_t pow_mod(int64_t base, int64_t exp, int64_t mod) {
  if (mod == 0) raise(ErrorKind::ValueError, "pow() 3rd argument cannot be 0");
  // Work with a positive modulus m and fix the sign at the end, as CPython.
  Int128 m = mod < 0 ? -static_cast<Int128>(mod) : mod;
  Int128 b = base % m;
  if (b < 0) b += m;
  Int128 e = exp;
  if (e < 0) {
    // Modular inverse by the extended Euclidean algorithm.
    Int128 old_r = b, r = m, old_s = 1, s = 0;
    while (r != 0) {
      Int128 q = old_r / r;
      Int128 t = old_r - q * r;
      old_r = r;
      r = t;
      t = old_s - q * s;
      old_s = s;
      s = t;
    }
    if (old_r != 1) raise(ErrorKind::ValueError, "base is not invertible for the given modulus");
    b = old_s % m;
    if (b < 0) b += m;
    e = -e;
  }
  Int128 result = 1 % m;
  while (e > 0) {
    if (e & 1) result = result * b % m;
    b = b * b % m;
    e >>= 1;
  }
  if (mod < 0 && result != 0) result -= m;
  return static_cast<int64_t>(result);
}

std::optional<int64_t> checked_lshift(int64_t a, int64_t count) {
  if (count < 0) raise(ErrorKind::ValueError, "negative shift count");
  if (a == 0) return 0;
  if (count >= 63) return std::nullopt;
  int64_t shifted = static_cast<int64_t>(static_cast<uint64_t>(a) << count);
  if ((shifted >> count) != a) return std::nullopt;
  return shifted;
}

int64_t rshift(int64_t a, int64_t count) {
  if (count < 0) raise(ErrorKind::ValueError, "negative shift count");
  if (count >= 63) return a < 0 ? -1 : 0;
  return a >> count;  // arithmetic shift on GCC: floor semantics
}

int bit_length(int64_t a) {
  uint64_t magnitude = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
  return magnitude == 0 ? 0 : 64 - __builtin_clzll(magnitude);
}

double int64_true_div(int64_t a, int64_t b) {
  if (b == 0) raise(ErrorKind::ZeroDivisionError, "division by zero");
  constexpr int64_t kExact = int64_t{1} << 53;
  if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact) {
    return static_cast<double>(a) / static_cast<double>(b);  // one rounding, as CPython
  }
  return BigInt::true_div(BigInt(a), BigInt(b));
}

std::optional<int> compare_int64_double(int64_t a, double d) {
  if (std::isnan(d)) return std::nullopt;
  // 2**63 is exactly representable; every double at or beyond it is integral.
  constexpr double kTwo63 = 9223372036854775808.0;
  if (d >= kTwo63) return -1;
  if (d < -kTwo63) return 1;
  // Now trunc(d) fits int64; compare integer parts, then the fraction.
  const double whole = std::trunc(d);
  const auto w = static_cast<int64_t>(whole);
  if (a != w) return a < w ? -1 : 1;
  const double fraction = d - whole;
  if (fraction > 0) return -1;
  if (fraction < 0) return 1;
  return 0;
}

std::optional<int64_t> int64_from_double(double d) {
  if (std::isinf(d)) raise(ErrorKind::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise(ErrorKind::ValueError, "cannot convert float NaN to integer");
  constexpr double kTwo63 = 9223372036854775808.0;
  if (d >= kTwo63 || d < -kTwo63) return std::nullopt;
  return static_cast<int64_t>(d);  // truncates toward zero
}

int64_t hash_int64(int64_t a) {
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  uint64_t magnitude = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
  int64_t h = static_cast<int64_t>(magnitude % kModulus);
  if (a < 0) h = -h;
  return h == -1 ? -2 : h;
}

}  // namespace quire::lang::numeric
