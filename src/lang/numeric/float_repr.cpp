// repr(float) and float(str), as CPython 3.11.

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "lang/numeric/error.h"
#include "lang/numeric/float_ops.h"
#include "lang/numeric/float_text.h"
#include "lang/text/repr.h"
#include "lang/text/unicode.h"
#include "lang/text/utf8.h"

namespace quire::lang::numeric {

ShortestDigits shortest_digits(double x) {
  // std::to_chars in scientific form gives the shortest round-trip digits
  // "d.ddde[+-]xx"; pull the digits and the exponent apart.
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, std::fabs(x), std::chars_format::scientific);
  const std::string_view text(buffer, result.ptr - buffer);
  const size_t e = text.find('e');
  ShortestDigits out;
  for (char c : text.substr(0, e)) {
    if (c != '.') out.digits.push_back(c);
  }
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  out.decimal_point = std::atoi(std::string(text.substr(e + 1)).c_str()) + 1;
  return out;
}

std::string layout_digits(const std::string& digits, int decimal_point, bool exponential,
                          bool keep_point_zero) {
  std::string out;
  if (exponential) {
    out.push_back(digits[0]);
    if (digits.size() > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    const int exponent = decimal_point - 1;
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    const std::string exp_digits = std::to_string(std::abs(exponent));
    if (exp_digits.size() < 2) out.push_back('0');
    out += exp_digits;
    return out;
  }
  const int n = static_cast<int>(digits.size());
  if (decimal_point <= 0) {
    out = "0.";
    out.append(static_cast<size_t>(-decimal_point), '0');
    out += digits;
  } else if (decimal_point >= n) {
    out = digits;
    out.append(static_cast<size_t>(decimal_point - n), '0');
    if (keep_point_zero) out += ".0";
  } else {
    out = digits.substr(0, static_cast<size_t>(decimal_point));
    out.push_back('.');
    out.append(digits, static_cast<size_t>(decimal_point));
  }
  return out;
}

std::string float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0) return std::signbit(x) ? "-0.0" : "0.0";
  // Hot path (every str(float) and print): no heap work beyond the result.
  // std::to_chars gives the shortest round-trip digits as "d.ddde[+-]xx".
  char sci[32];
  const auto result =
      std::to_chars(sci, sci + sizeof sci, std::fabs(x), std::chars_format::scientific);
  char digits[24];
  int n = 0;
  const char* p = sci;
  for (; p < result.ptr && *p != 'e'; ++p) {
    if (*p != '.') digits[n++] = *p;
  }
  while (n > 1 && digits[n - 1] == '0') --n;
  int exponent = 0;
  const bool negative_exponent = p + 1 < result.ptr && p[1] == '-';
  for (p += 2; p < result.ptr; ++p) exponent = exponent * 10 + (*p - '0');
  if (negative_exponent) exponent = -exponent;
  char out[48];
  int len = 0;
  if (std::signbit(x)) out[len++] = '-';
  if (exponent < -4 || exponent >= 16) {
    out[len++] = digits[0];
    if (n > 1) {
      out[len++] = '.';
      for (int i = 1; i < n; ++i) out[len++] = digits[i];
    }
    len += std::snprintf(out + len, sizeof out - static_cast<size_t>(len), "e%c%02d",
                         exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
  } else if (exponent < 0) {
    out[len++] = '0';
    out[len++] = '.';
    for (int i = -1; i > exponent; --i) out[len++] = '0';
    for (int i = 0; i < n; ++i) out[len++] = digits[i];
  } else {
    const int point = exponent + 1;  // digits before the point
    for (int i = 0; i < point; ++i) out[len++] = i < n ? digits[i] : '0';
    out[len++] = '.';
    if (n <= point) {
      out[len++] = '0';
    } else {
      for (int i = point; i < n; ++i) out[len++] = digits[i];
    }
  }
  return std::string(out, static_cast<size_t>(len));
}

namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

// Checks CPython's decimal float grammar (digits with one optional point,
// an optional exponent) on text with no sign and no underscores.
bool is_decimal_float_syntax(std::string_view s) {
  size_t i = 0, int_digits = 0, frac_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

}  // namespace

double parse_float(std::string_view text) {
  PyError error;
  std::optional<double> value = try_parse_float(text, error);
  if (!value) raise(error.kind, std::move(error.message));
  return *value;
}

std::optional<double> try_parse_float(std::string_view text, PyError& error) {
  auto cannot_convert = [&] {
    error = PyError{ErrorKind::ValueError,
                    "could not convert string to float: " + text::str_repr(text)};
    return std::nullopt;
  };
  const std::string ascii =
      text::is_ascii(text) ? std::string(text) : text::transform_decimal_and_space_to_ascii(text);
  size_t begin = 0, end = ascii.size();
  while (begin < end && is_ascii_space(ascii[begin])) ++begin;
  while (end > begin && is_ascii_space(ascii[end - 1])) --end;
  std::string_view s(ascii.data() + begin, end - begin);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (equals_ignoring_case(s, "inf") || equals_ignoring_case(s, "infinity")) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (equals_ignoring_case(s, "nan")) return negative ? -NAN : NAN;
  // An underscore is allowed only between two digits.
  std::string cleaned;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (i == 0 || i + 1 == s.size() || !is_digit(s[i - 1]) || !is_digit(s[i + 1])) {
        return cannot_convert();
      }
      continue;
    }
    cleaned.push_back(s[i]);
  }
  if (!is_decimal_float_syntax(cleaned)) return cannot_convert();
  const double value = c_strtod(cleaned);  // correctly rounded; overflow gives inf
  return negative ? -value : value;
}

}  // namespace quire::lang::numeric
