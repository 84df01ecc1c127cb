#pragma once
// The VM's small-int fast path: Python int semantics on int64_t. Every
// function that can leave the int64 range returns std::nullopt instead, and
// the VM redoes the operation with BigInt (see bigint.h). Division by zero and
// negative shift counts throw PyError with CPython's messages.

#include <cstdint>
#include <optional>

namespace quire::lang::numeric {

inline std::optional<int64_t> checked_add(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}

inline std::optional<int64_t> checked_sub(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
  return r;
}

inline std::optional<int64_t> checked_mul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}

// -a; nullopt for INT64_MIN.
inline std::optional<int64_t> checked_neg(int64_t a) {
  return checked_sub(0, a);
}

// a // b rounded toward negative infinity (-7 // 2 == -4). nullopt only for
// INT64_MIN // -1. Throws ZeroDivisionError "integer division or modulo by zero".
std::optional<int64_t> floor_div(int64_t a, int64_t b);

// a % b with the sign of b (-7 % 2 == 1). Never overflows.
// Throws ZeroDivisionError "integer modulo by zero".
int64_t floor_mod(int64_t a, int64_t b);

// divmod(a, b): both parts, nullopt for INT64_MIN, -1. Throws ZeroDivisionError
// "integer division or modulo by zero".
struct Int64DivMod {
  int64_t quotient;
  int64_t remainder;
};
std::optional<Int64DivMod> floor_divmod(int64_t a, int64_t b);

// base ** exp for exp >= 0; nullopt when the result leaves int64. A negative
// exponent is the VM's business: CPython converts both operands to float and
// returns float_pow(double(base), double(exp)) (see float_ops.h), so
// 0 ** -1 raises "0.0 cannot be raised to a negative power".
std::optional<int64_t> checked_pow(int64_t base, int64_t exp);

// pow(base, exp, mod) with int64 operands, exact for every input (uses
// 128-bit intermediates). Result has the sign of mod, as in CPython. Throws
// ValueError "pow() 3rd argument cannot be 0" and, for a negative exp with no
// inverse, "base is not invertible for the given modulus".
int64_t pow_mod(int64_t base, int64_t exp, int64_t mod);

// a << count; nullopt when the result leaves int64 (the VM then uses BigInt).
// Throws ValueError "negative shift count".
std::optional<int64_t> checked_lshift(int64_t a, int64_t count);

// a >> count, arithmetic (floor) shift: -1 >> 100 == -1. Never overflows.
// Throws ValueError "negative shift count".
int64_t rshift(int64_t a, int64_t count);

// Number of bits in abs(a), as int.bit_length() (0 for 0).
int bit_length(int64_t a);

// a / b correctly rounded (exact operands up to 2**53 divide in hardware;
// larger ones go through BigInt::true_div). ZeroDivisionError "division by zero".
double int64_true_div(int64_t a, int64_t b);

// Exact comparison of an int with a float, as CPython (2**53 + 1 > 2.0**53):
// -1, 0 or 1; nullopt when d is NaN.
std::optional<int> compare_int64_double(int64_t a, double d);

// int(d) when it fits int64 (truncation toward zero); nullopt when it does not
// (use BigInt::from_double). OverflowError "cannot convert float infinity to
// integer", ValueError "cannot convert float NaN to integer".
std::optional<int64_t> int64_from_double(double d);

// hash(int) for an int64, as CPython: reduced modulo 2**61 - 1 with the sign
// kept, and hash(-1) == -2.
int64_t hash_int64(int64_t a);

}  // namespace quire::lang::numeric
