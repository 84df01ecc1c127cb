// float.hex() and float.fromhex(), as CPython 3.11.

#include <cmath>
#include <cstdio>
#include <string>

#include "lang/numeric/error.h"
#include "lang/numeric/float_ops.h"

namespace quire::lang::numeric {

std::string float_hex(double x) {
  if (std::isnan(x) || std::isinf(x)) return float_repr(x);
  if (x == 0.0) return std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0";
  // Normalise to 1.xxx (or 0.xxx for subnormals) times 2**e, then emit the 52
  // fraction bits as 13 hex digits.
  int e;
  double m = std::frexp(std::fabs(x), &e);
  const int shift = 1 - std::max(-1021 - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  constexpr char kHex[] = "0123456789abcdef";
  std::string digits;
  digits.push_back(kHex[static_cast<int>(m)]);
  m -= static_cast<int>(m);
  digits.push_back('.');
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    digits.push_back(kHex[static_cast<int>(m)]);
    m -= static_cast<int>(m);
  }
  char exponent[16];
  std::snprintf(exponent, sizeof exponent, "p%c%d", e < 0 ? '-' : '+', std::abs(e));
  return concat({x < 0 ? "-0x" : "0x", digits, exponent});
}

namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool starts_with_ignoring_case(std::string_view s, size_t pos, std::string_view word) {
  if (s.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

[[noreturn]] void invalid() {
  raise(ErrorKind::ValueError, "invalid hexadecimal floating-point string");
}

[[noreturn]] void too_large() {
  raise(ErrorKind::OverflowError, "hexadecimal value too large to represent as a float");
}

}  // namespace

double float_fromhex(std::string_view s) {
  size_t pos = 0, end = s.size();
  while (pos < end && is_ascii_space(s[pos])) ++pos;
  while (end > pos && is_ascii_space(s[end - 1])) --end;
  s = s.substr(0, end);
  bool negative = false;
  if (pos < end && (s[pos] == '+' || s[pos] == '-')) negative = s[pos++] == '-';
  if (starts_with_ignoring_case(s, pos, "infinity") && end - pos == 8) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (starts_with_ignoring_case(s, pos, "inf") && end - pos == 3) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (starts_with_ignoring_case(s, pos, "nan") && end - pos == 3) return negative ? -NAN : NAN;
  if (starts_with_ignoring_case(s, pos, "0x")) pos += 2;
  BigInt mantissa;
  size_t digit_count = 0;
  int64_t exponent = 0;
  auto read_digits = [&](bool fraction) {
    while (pos < end && hex_value(s[pos]) >= 0) {
      mpz_mul_2exp(mantissa.raw(), mantissa.raw(), 4);
      mpz_add_ui(mantissa.raw(), mantissa.raw(), static_cast<unsigned long>(hex_value(s[pos])));
      if (fraction) exponent -= 4;
      ++digit_count;
      ++pos;
    }
  };
  read_digits(false);
  if (pos < end && s[pos] == '.') {
    ++pos;
    read_digits(true);
  }
  if (digit_count == 0) invalid();
  if (pos < end && (s[pos] == 'p' || s[pos] == 'P')) {
    ++pos;
    bool exp_negative = false;
    if (pos < end && (s[pos] == '+' || s[pos] == '-')) exp_negative = s[pos++] == '-';
    if (pos >= end || s[pos] < '0' || s[pos] > '9') invalid();
    int64_t value = 0;
    for (; pos < end && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
      if (value < (int64_t{1} << 40)) value = value * 10 + (s[pos] - '0');  // saturate
    }
    exponent += exp_negative ? -value : value;
  }
  if (pos != end) invalid();
  if (mantissa.is_zero()) return negative ? -0.0 : 0.0;
  // The value is mantissa * 2**exponent, below 2**top.
  const int64_t top = static_cast<int64_t>(mantissa.bit_length()) + exponent;
  if (top > 1024) too_large();
  if (top < -1075) return negative ? -0.0 : 0.0;
  double result;
  try {
    result = exponent >= 0 ? BigInt::lshift(mantissa, exponent).to_double()
                           : BigInt::true_div(mantissa, BigInt::lshift(1, -exponent));
  } catch (const PyError&) {
    too_large();
  }
  return negative ? -result : result;
}

}  // namespace quire::lang::numeric
