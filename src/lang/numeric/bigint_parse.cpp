// BigInt::parse: int(text, base) as CPython 3.11's PyLong_FromUnicodeObject.

#include <string>

#include "lang/numeric/bigint.h"
#include "lang/numeric/error.h"
#include "lang/text/repr.h"
#include "lang/text/unicode.h"
#include "lang/text/utf8.h"

namespace quire::lang::numeric {

namespace {

// C's isspace in the "C" locale, which CPython's Py_ISSPACE mirrors.
bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// CPython formats the text with %.200R: its repr cut to 200 code points.
std::string truncated_repr(std::string_view text) {
  const std::string repr = text::str_repr(text);
  const size_t cut = text::byte_offset_of(repr, 200, text::is_ascii(repr));
  return repr.substr(0, cut);
}

std::string invalid_literal(std::string_view text, int base) {
  return "invalid literal for int() with base " + std::to_string(base) + ": " +
         truncated_repr(text);
}

}  // namespace

std::optional<BigInt> BigInt::try_parse(std::string_view text, int base, PyError& error) {
  auto fail = [&error](std::string message) {
    error = PyError{ErrorKind::ValueError, std::move(message)};
    return std::nullopt;
  };
  if (base != 0 && (base < 2 || base > 36)) {
    return fail("int() base must be >= 2 and <= 36, or 0");
  }
  const std::string s =
      text::is_ascii(text) ? std::string(text) : text::transform_decimal_and_space_to_ascii(text);
  const int orig_base = base;
  size_t pos = 0;
  const size_t n = s.size();
  auto at = [&](size_t i) { return i < n ? s[i] : '\0'; };
  while (pos < n && is_ascii_space(s[pos])) ++pos;
  bool negative = false;
  if (at(pos) == '+' || at(pos) == '-') {
    negative = at(pos) == '-';
    ++pos;
  }
  bool leading_zero_rule = false;  // base 0 refuses "010" but accepts "0_0"
  if (base == 0) {
    if (at(pos) != '0') {
      base = 10;
    } else {
      const char p = at(pos + 1);
      if (p == 'x' || p == 'X') {
        base = 16;
      } else if (p == 'o' || p == 'O') {
        base = 8;
      } else if (p == 'b' || p == 'B') {
        base = 2;
      } else {
        base = 10;
        leading_zero_rule = true;
      }
    }
  }
  if (at(pos) == '0') {
    const char p = at(pos + 1);
    if ((base == 16 && (p == 'x' || p == 'X')) || (base == 8 && (p == 'o' || p == 'O')) ||
        (base == 2 && (p == 'b' || p == 'B'))) {
      pos += 2;
      if (at(pos) == '_') ++pos;  // one underscore may follow the prefix
    }
  }
  if (at(pos) == '_') return fail(invalid_literal(text, orig_base));
  std::string digits;
  bool previous_underscore = false;
  for (; pos < n; ++pos) {
    const char c = s[pos];
    if (c == '_') {
      if (previous_underscore) return fail(invalid_literal(text, orig_base));
      previous_underscore = true;
      continue;
    }
    if (digit_value(c) >= base) break;
    previous_underscore = false;
    digits.push_back(c);
  }
  if (previous_underscore || digits.empty()) return fail(invalid_literal(text, orig_base));
  if (leading_zero_rule && digits.find_first_not_of('0') != std::string::npos) {
    return fail(invalid_literal(text, orig_base));
  }
  const bool binary_base = (base & (base - 1)) == 0;
  if (!binary_base && digits.size() > kIntMaxStrDigits) {
    return fail("Exceeds the limit (4300 digits) for integer string conversion: value has " +
                std::to_string(digits.size()) +
                " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  while (pos < n && is_ascii_space(s[pos])) ++pos;
  if (pos != n) return fail(invalid_literal(text, orig_base));
  BigInt result;
  mpz_set_str(result.raw(), digits.c_str(), base);
  if (negative) mpz_neg(result.raw(), result.raw());
  return result;
}

BigInt BigInt::parse(std::string_view text, int base) {
  PyError error;
  std::optional<BigInt> result = try_parse(text, base, error);
  if (!result) raise(error.kind, std::move(error.message));
  return std::move(*result);
}

}  // namespace quire::lang::numeric
