#include "lang/numeric/bigint.h"

#include <cmath>
#include <limits>
#include <utility>

#include "lang/numeric/error.h"

namespace quire::lang::numeric {

namespace {

// A temporary mpz that frees itself.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

constexpr int kDblMantDig = 53;
constexpr int kDblMinExp = -1021;
constexpr int kDblMaxExp = 1024;

}  // namespace

BigInt::BigInt() {
  mpz_init(value_);
}
BigInt::BigInt(int64_t value) {
  static_assert(sizeof(long) == 8, "GMP's si/ui functions must take 64-bit values");
  mpz_init_set_si(value_, value);
}
BigInt BigInt::from_uint64(uint64_t value) {
  BigInt result;
  mpz_set_ui(result.value_, value);
  return result;
}
BigInt::BigInt(const BigInt& other) {
  mpz_init_set(value_, other.value_);
}
BigInt::BigInt(BigInt&& other) noexcept {
  mpz_init(value_);
  mpz_swap(value_, other.value_);
}
BigInt& BigInt::operator=(const BigInt& other) {
  if (this != &other) mpz_set(value_, other.value_);
  return *this;
}
BigInt& BigInt::operator=(BigInt&& other) noexcept {
  mpz_swap(value_, other.value_);
  return *this;
}
BigInt::~BigInt() {
  mpz_clear(value_);
}

int BigInt::sign() const {
  return mpz_sgn(value_);
}
bool BigInt::fits_int64() const {
  return mpz_fits_slong_p(value_) != 0;
}
std::optional<int64_t> BigInt::to_int64() const {
  if (!fits_int64()) return std::nullopt;
  return mpz_get_si(value_);
}
uint64_t BigInt::bit_length() const {
  return is_zero() ? 0 : mpz_sizeinbase(value_, 2);  // exact in base 2
}
bool BigInt::is_odd() const {
  return mpz_odd_p(value_) != 0;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
  BigInt r;
  mpz_add(r.value_, a.value_, b.value_);
  return r;
}
BigInt operator-(const BigInt& a, const BigInt& b) {
  BigInt r;
  mpz_sub(r.value_, a.value_, b.value_);
  return r;
}
BigInt operator*(const BigInt& a, const BigInt& b) {
  BigInt r;
  mpz_mul(r.value_, a.value_, b.value_);
  return r;
}
BigInt BigInt::operator-() const {
  BigInt r;
  mpz_neg(r.value_, value_);
  return r;
}
BigInt BigInt::abs() const {
  BigInt r;
  mpz_abs(r.value_, value_);
  return r;
}

BigInt BigInt::floor_div(const BigInt& a, const BigInt& b) {
  if (b.is_zero()) raise(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
  BigInt r;
  mpz_fdiv_q(r.value_, a.value_, b.value_);
  return r;
}
BigInt BigInt::floor_mod(const BigInt& a, const BigInt& b) {
  if (b.is_zero()) raise(ErrorKind::ZeroDivisionError, "integer modulo by zero");
  BigInt r;
  mpz_fdiv_r(r.value_, a.value_, b.value_);
  return r;
}
BigInt::DivMod BigInt::floor_divmod(const BigInt& a, const BigInt& b) {
  if (b.is_zero()) raise(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
  DivMod r;
  mpz_fdiv_qr(r.quotient.value_, r.remainder.value_, a.value_, b.value_);
  return r;
}

// CPython's long_true_divide: scale the dividend so the integer quotient has
// DBL_MANT_DIG + 2 bits (fewer in the subnormal range), round that quotient
// half to even using the remainder as a sticky bit, then scale back.
double BigInt::true_div(const BigInt& a, const BigInt& b) {
  if (b.is_zero()) raise(ErrorKind::ZeroDivisionError, "division by zero");
  const bool negate = (a.sign() < 0) != (b.sign() < 0);
  const uint64_t a_bits = a.bit_length();
  const uint64_t b_bits = b.bit_length();
  if (a_bits <= kDblMantDig && b_bits <= kDblMantDig) {
    return mpz_get_d(a.value_) / mpz_get_d(b.value_);  // both exact: one rounding
  }
  if (a.is_zero()) return negate ? -0.0 : 0.0;
  const int64_t diff = static_cast<int64_t>(a_bits) - static_cast<int64_t>(b_bits);
  if (diff > kDblMaxExp) {
    raise(ErrorKind::OverflowError, "integer division result too large for a float");
  }
  if (diff < kDblMinExp - kDblMantDig - 1) return negate ? -0.0 : 0.0;
  const int64_t shift = std::max<int64_t>(diff, kDblMinExp) - kDblMantDig - 2;
  Mpz x, rem;
  bool inexact = false;
  mpz_abs(x.v, a.value_);
  if (shift <= 0) {
    mpz_mul_2exp(x.v, x.v, static_cast<mp_bitcnt_t>(-shift));
  } else {
    inexact = mpz_scan1(x.v, 0) < static_cast<mp_bitcnt_t>(shift);
    mpz_fdiv_q_2exp(x.v, x.v, static_cast<mp_bitcnt_t>(shift));
  }
  Mpz babs;
  mpz_abs(babs.v, b.value_);
  mpz_fdiv_qr(x.v, rem.v, x.v, babs.v);
  if (mpz_sgn(rem.v) != 0) inexact = true;
  const int64_t x_bits = static_cast<int64_t>(mpz_sizeinbase(x.v, 2));
  const int64_t extra_bits = std::max<int64_t>(x_bits, kDblMinExp - shift) - kDblMantDig;
  // x has at most DBL_MANT_DIG + 3 bits here, so it fits in 64 bits.
  uint64_t q = mpz_get_ui(x.v);
  const uint64_t mask = uint64_t{1} << (extra_bits - 1);
  uint64_t low = q | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) q += mask;
  q &= ~(2 * mask - 1);
  const double dx = static_cast<double>(q);  // exact: at most 54 significant bits
  if (shift + x_bits >= kDblMaxExp &&
      (shift + x_bits > kDblMaxExp || dx == std::ldexp(1.0, static_cast<int>(x_bits)))) {
    raise(ErrorKind::OverflowError, "integer division result too large for a float");
  }
  const double result = std::ldexp(dx, static_cast<int>(shift));
  return negate ? -result : result;
}

BigInt BigInt::pow(const BigInt& base, uint64_t exp) {
  BigInt r;
  mpz_pow_ui(r.value_, base.value_, exp);
  return r;
}

BigInt BigInt::pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod) {
  if (mod.is_zero()) raise(ErrorKind::ValueError, "pow() 3rd argument cannot be 0");
  Mpz m, b;
  mpz_abs(m.v, mod.value_);
  BigInt r;
  if (mpz_cmp_ui(m.v, 1) == 0) return r;  // everything is 0 modulo 1
  mpz_fdiv_r(b.v, base.value_, m.v);
  Mpz e;
  mpz_set(e.v, exp.value_);
  if (mpz_sgn(e.v) < 0) {
    if (mpz_invert(b.v, b.v, m.v) == 0) {
      raise(ErrorKind::ValueError, "base is not invertible for the given modulus");
    }
    mpz_neg(e.v, e.v);
  }
  mpz_powm(r.value_, b.v, e.v, m.v);
  if (mod.sign() < 0 && !r.is_zero()) mpz_sub(r.value_, r.value_, m.v);
  return r;
}

namespace {

// Shift counts beyond this cannot describe a value that fits in memory.
constexpr uint64_t kMaxShift = uint64_t{1} << 62;

}  // namespace

BigInt BigInt::lshift(const BigInt& a, const BigInt& count) {
  if (count.sign() < 0) raise(ErrorKind::ValueError, "negative shift count");
  if (a.is_zero()) return BigInt();
  if (!mpz_fits_ulong_p(count.value_) || mpz_get_ui(count.value_) >= kMaxShift) {
    raise(ErrorKind::OverflowError, "too many digits in integer");
  }
  BigInt r;
  mpz_mul_2exp(r.value_, a.value_, mpz_get_ui(count.value_));
  return r;
}

BigInt BigInt::rshift(const BigInt& a, const BigInt& count) {
  if (count.sign() < 0) raise(ErrorKind::ValueError, "negative shift count");
  if (!mpz_fits_ulong_p(count.value_) || mpz_get_ui(count.value_) >= a.bit_length()) {
    return a.sign() < 0 ? BigInt(-1) : BigInt();
  }
  BigInt r;
  mpz_fdiv_q_2exp(r.value_, a.value_, mpz_get_ui(count.value_));
  return r;
}

BigInt operator&(const BigInt& a, const BigInt& b) {
  BigInt r;
  mpz_and(r.value_, a.value_, b.value_);
  return r;
}
BigInt operator|(const BigInt& a, const BigInt& b) {
  BigInt r;
  mpz_ior(r.value_, a.value_, b.value_);
  return r;
}
BigInt operator^(const BigInt& a, const BigInt& b) {
  BigInt r;
  mpz_xor(r.value_, a.value_, b.value_);
  return r;
}
BigInt BigInt::operator~() const {
  BigInt r;
  mpz_com(r.value_, value_);
  return r;
}

int compare(const BigInt& a, const BigInt& b) {
  int c = mpz_cmp(a.value_, b.value_);
  return (c > 0) - (c < 0);
}

std::optional<int> BigInt::compare_with_double(double d) const {
  if (std::isnan(d)) return std::nullopt;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  int c = mpz_cmp_d(value_, d);  // exact in GMP
  return (c > 0) - (c < 0);
}

double BigInt::to_double() const {
  const uint64_t bits = bit_length();
  if (bits <= kDblMantDig) return mpz_get_d(value_);  // exact
  if (bits > static_cast<uint64_t>(kDblMaxExp)) {
    raise(ErrorKind::OverflowError, "int too large to convert to float");
  }
  // Keep the top DBL_MANT_DIG + 2 bits and fold the rest into a sticky bit;
  // the hardware's uint64 -> double conversion then rounds half to even.
  const uint64_t shift = bits > kDblMantDig + 2 ? bits - (kDblMantDig + 2) : 0;
  Mpz top;
  mpz_abs(top.v, value_);
  const bool sticky = mpz_scan1(top.v, 0) < shift;
  mpz_fdiv_q_2exp(top.v, top.v, shift);
  uint64_t t = mpz_get_ui(top.v) | (sticky ? 1 : 0);
  double result = std::ldexp(static_cast<double>(t), static_cast<int>(shift));
  if (std::isinf(result)) raise(ErrorKind::OverflowError, "int too large to convert to float");
  return sign() < 0 ? -result : result;
}

BigInt BigInt::from_double(double d) {
  if (std::isinf(d)) raise(ErrorKind::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise(ErrorKind::ValueError, "cannot convert float NaN to integer");
  BigInt r;
  mpz_set_d(r.value_, d);  // truncates toward zero, exact
  return r;
}

std::string BigInt::to_string_base(int base) const {
  std::string out(mpz_sizeinbase(value_, base) + 2, '\0');
  mpz_get_str(out.data(), base, value_);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string BigInt::to_string() const {
  // 10**4300 < 2**14285: anything longer surely has too many digits.
  constexpr uint64_t kSurelyTooManyBits = 14286;
  if (bit_length() > kSurelyTooManyBits) {
    raise(ErrorKind::ValueError,
          "Exceeds the limit (4300 digits) for integer string conversion; use "
          "sys.set_int_max_str_digits() to increase the limit");
  }
  std::string out = to_string_base(10);
  if (out.size() - (sign() < 0 ? 1 : 0) > kIntMaxStrDigits) {
    raise(ErrorKind::ValueError,
          "Exceeds the limit (4300 digits) for integer string conversion; use "
          "sys.set_int_max_str_digits() to increase the limit");
  }
  return out;
}

std::string BigInt::to_prefixed_string(int base) const {
  std::string out = sign() < 0 ? "-" : "";
  out += base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
  out += abs().to_string_base(base);
  return out;
}

int64_t BigInt::hash() const {
  // CPython reduces |x| modulo the Mersenne prime 2**61 - 1 and keeps the sign.
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  const auto reduced = static_cast<int64_t>(mpz_fdiv_ui(abs().raw(), kModulus));
  const int64_t h = sign() < 0 ? -reduced : reduced;
  return h == -1 ? -2 : h;
}

namespace {

uint64_t saturating_mul(uint64_t a, uint64_t b) {
  uint64_t r;
  return __builtin_mul_overflow(a, b, &r) ? std::numeric_limits<uint64_t>::max() : r;
}
uint64_t saturating_add(uint64_t a, uint64_t b) {
  uint64_t r;
  return __builtin_add_overflow(a, b, &r) ? std::numeric_limits<uint64_t>::max() : r;
}

}  // namespace

uint64_t estimate_pow_bits(const BigInt& base, uint64_t exp) {
  const uint64_t bits = base.bit_length();
  if (bits <= 1 || exp == 0) return 1;  // 0, 1, -1 or x**0
  return saturating_mul(bits, exp);
}
uint64_t estimate_mul_bits(const BigInt& a, const BigInt& b) {
  return saturating_add(a.bit_length(), b.bit_length());
}
uint64_t estimate_lshift_bits(const BigInt& a, uint64_t count) {
  return a.is_zero() ? 0 : saturating_add(a.bit_length(), count);
}

}  // namespace quire::lang::numeric
