#pragma once
// BigInt: Python's arbitrary-precision int, a move-friendly RAII wrapper over
// a GMP mpz_t. The VM keeps small ints as int64 (see int64_ops.h) and uses
// BigInt when a value leaves that range; `fits_int64()` / `to_int64()` let it
// demote results again. All operations follow CPython 3.11 exactly (floor
// division, modulo sign, two's-complement bitwise semantics on negatives,
// correctly rounded conversion to float, exact comparison with float) and
// throw PyError with CPython's messages.

#include <gmp.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quire::lang::numeric {

struct PyError;

// CPython 3.11's default sys.get_int_max_str_digits(): int<->str conversion
// in a base that is not a power of two refuses values with more digits.
inline constexpr size_t kIntMaxStrDigits = 4300;

class BigInt {
 public:
  BigInt();               // 0
  BigInt(int64_t value);  // NOLINT: implicit, ints mix freely
  static BigInt from_uint64(uint64_t value);
  BigInt(const BigInt& other);
  BigInt(BigInt&& other) noexcept;
  BigInt& operator=(const BigInt& other);
  BigInt& operator=(BigInt&& other) noexcept;
  ~BigInt();

  // --- inspection ---
  int sign() const;  // -1, 0 or 1
  bool is_zero() const { return sign() == 0; }
  bool fits_int64() const;
  std::optional<int64_t> to_int64() const;
  // Number of bits in abs(value), as int.bit_length().
  uint64_t bit_length() const;
  bool is_odd() const;

  // --- arithmetic (never overflow; memory is the sandbox's business) ---
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  BigInt operator-() const;
  BigInt abs() const;
  // a // b and a % b with Python signs. ZeroDivisionError "integer division
  // or modulo by zero" / "integer modulo by zero".
  static BigInt floor_div(const BigInt& a, const BigInt& b);
  static BigInt floor_mod(const BigInt& a, const BigInt& b);
  struct DivMod;
  static DivMod floor_divmod(const BigInt& a, const BigInt& b);
  // a / b as a correctly rounded double (CPython's long_true_divide).
  // ZeroDivisionError "division by zero"; OverflowError "integer division
  // result too large for a float".
  static double true_div(const BigInt& a, const BigInt& b);
  // base ** exp for exp >= 0 (negative exponents: see checked_pow in
  // int64_ops.h). Check estimate_pow_bits() first in the sandbox.
  static BigInt pow(const BigInt& base, uint64_t exp);
  // pow(base, exp, mod): ValueError "pow() 3rd argument cannot be 0",
  // "base is not invertible for the given modulus"; result has mod's sign.
  static BigInt pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod);

  // --- shifts and bitwise (two's complement on negatives, as CPython) ---
  // ValueError "negative shift count"; OverflowError "too many digits in
  // integer" when the count does not fit in memory terms (> 2**62 bits).
  static BigInt lshift(const BigInt& a, const BigInt& count);
  static BigInt rshift(const BigInt& a, const BigInt& count);
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  BigInt operator~() const;  // -(a + 1)

  // --- comparison ---
  friend int compare(const BigInt& a, const BigInt& b);  // -1, 0, 1
  friend bool operator==(const BigInt& a, const BigInt& b) { return compare(a, b) == 0; }
  friend bool operator<(const BigInt& a, const BigInt& b) { return compare(a, b) < 0; }
  // Exact comparison with a double, as CPython compares int and float:
  // 2**53 + 1 > float(2**53). nullopt when d is NaN (every comparison false,
  // != true).
  std::optional<int> compare_with_double(double d) const;

  // --- conversions ---
  // Correctly rounded (half to even). OverflowError "int too large to
  // convert to float".
  double to_double() const;
  // int(d): truncation. OverflowError "cannot convert float infinity to
  // integer", ValueError "cannot convert float NaN to integer".
  static BigInt from_double(double d);
  // str(int) (base 10, digit limit enforced: ValueError "Exceeds the limit
  // (4300 digits) for integer string conversion; use
  // sys.set_int_max_str_digits() to increase the limit").
  std::string to_string() const;
  // Digits in base 2..36 with a '-' sign, lower case, no prefix, no limit
  // check (callers in base 10 want to_string()).
  std::string to_string_base(int base) const;
  // bin()/oct()/hex(): "-0b101", "0o17", "0xff".
  std::string to_prefixed_string(int base) const;
  // int(text, base) as CPython: surrounding whitespace, one sign, '_' only
  // between digits (and after a base prefix), base 0 reads 0b/0o/0x prefixes
  // and refuses leading zeros ("010"), bases 2..36. ValueError
  // "invalid literal for int() with base 10: 'x'" (repr of text, cut to 200
  // characters as CPython's %.200R), "int() base must be >= 2 and <= 36, or
  // 0", and the 4300-digit limit ("... value has 5000 digits; ...").
  // Non-ASCII decimal digits and Unicode whitespace are accepted as CPython does.
  static BigInt parse(std::string_view text, int base = 10);
  // The same without throwing: nullopt with `error` set. Scripts parse bad
  // input in loops (`try: int(s) except ValueError`), and a C++ throw costs
  // more than the rest of such a loop together.
  static std::optional<BigInt> try_parse(std::string_view text, int base, PyError& error);

  // int.bit_count(): number of one bits in abs(value).
  uint64_t bit_count() const;
  // int.to_bytes(length, byteorder, signed=...). ValueError "length argument
  // must be non-negative"; OverflowError "int too big to convert", "can't
  // convert negative int to unsigned". The VM checks the byteorder string
  // ("byteorder must be either 'little' or 'big'") and the length against the
  // isolate's memory budget.
  std::string to_bytes(int64_t length, bool little_endian, bool is_signed) const;
  // int.from_bytes(bytes, byteorder, signed=...).
  static BigInt from_bytes(std::string_view bytes, bool little_endian, bool is_signed);

  // hash(int) as CPython (modulo 2**61 - 1, sign kept, -1 -> -2).
  int64_t hash() const;

  // Direct GMP access for the few places that need it.
  mpz_srcptr raw() const { return value_; }
  mpz_ptr raw() { return value_; }

 private:
  mpz_t value_;
};

struct BigInt::DivMod {
  BigInt quotient;
  BigInt remainder;
};

// Upper bound of bit_length(base ** exp), computed without allocating, so the
// sandbox can refuse `2 ** 10 ** 10` before trying. Saturates at UINT64_MAX.
uint64_t estimate_pow_bits(const BigInt& base, uint64_t exp);
// Upper bounds for a * b and a << count likewise.
uint64_t estimate_mul_bits(const BigInt& a, const BigInt& b);
uint64_t estimate_lshift_bits(const BigInt& a, uint64_t count);

}  // namespace quire::lang::numeric
