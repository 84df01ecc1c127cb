// Decimal digit generation and layout for float formatting, following
// CPython's format_float_short (Python/pystrtod.c). Digits are correctly
// rounded on the exact binary value: glibc's printf is exact, like
// CPython's dtoa.

#include "lang/numeric/float_text.h"

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace quire::lang::numeric {

namespace {

// Digits of |x| as dtoa modes 2 (ndigits significant) and 3 (ndigits after
// the point) return them: no leading or trailing zeros ("0" for zero), with
// the decimal point position.
ShortestDigits printf_digits(double x, bool significant, int ndigits) {
  // std::to_chars with a precision is exact (ties to even on the binary
  // value, like dtoa) and ignores the locale.
  const int precision = significant ? std::max(ndigits, 1) - 1 : ndigits;
  const size_t needed = 330 + static_cast<size_t>(precision);  // 1e308 has 309 digits
  char small[512];
  std::vector<char> large;
  char* buffer = small;
  if (needed > sizeof small) {
    large.resize(needed);
    buffer = large.data();
  }
  const auto result = std::to_chars(
      buffer, buffer + needed, std::fabs(x),
      significant ? std::chars_format::scientific : std::chars_format::fixed, precision);
  const std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  // Only digits are read, so the locale's decimal separator does not matter.
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  ShortestDigits out;
  if (significant) {
    const size_t e = text.find('e');
    for (size_t i = 0; i < e; ++i) {
      if (is_digit(text[i])) out.digits.push_back(text[i]);
    }
    out.decimal_point = std::atoi(std::string(text.substr(e + 1)).c_str()) + 1;
  } else {
    size_t i = 0;
    while (i < text.size() && is_digit(text[i])) out.digits.push_back(text[i++]);
    out.decimal_point = static_cast<int>(out.digits.size());
    for (; i < text.size(); ++i) {
      if (is_digit(text[i])) out.digits.push_back(text[i]);
    }
  }
  const size_t first = out.digits.find_first_not_of('0');
  if (first == std::string::npos) return {"0", 1};
  out.digits.erase(0, first);
  out.decimal_point -= static_cast<int>(first);
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  return out;
}

}  // namespace

ShortestDigits fixed_digits(double x, int ndigits) {
  return printf_digits(x, false, ndigits);
}

double c_strtod(const std::string& text) {
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  return strtod_l(text.c_str(), nullptr, c_locale);
}

std::string double_to_string(double x, char code, int precision, bool alternate, bool add_dot_0,
                             bool no_neg_zero, bool always_sign) {
  bool upper = false;
  if (code == 'E' || code == 'F' || code == 'G') {
    upper = true;
    code = static_cast<char>(code - 'A' + 'a');
  }
  std::string out;
  if (std::isnan(x)) {
    if (always_sign) out.push_back('+');
    return out + (upper ? "NAN" : "nan");
  }
  bool negative = std::signbit(x);
  if (std::isinf(x)) {
    out = negative ? "-" : always_sign ? "+" : "";
    return out + (upper ? "INF" : "inf");
  }
  ShortestDigits d;
  int vdigits_end;
  bool use_exp = false;
  switch (code) {
    case 'e':
      d = printf_digits(x, true, precision + 1);
      vdigits_end = precision + 1;
      use_exp = true;
      break;
    case 'f':
      d = printf_digits(x, false, precision);
      vdigits_end = d.decimal_point + precision;
      break;
    case 'g':
      if (precision == 0) precision = 1;
      d = printf_digits(x, true, precision);
      vdigits_end = static_cast<int>(d.digits.size());
      if (d.decimal_point <= -4 || d.decimal_point > (add_dot_0 ? precision - 1 : precision)) {
        use_exp = true;
      }
      if (alternate) vdigits_end = precision;
      break;
    default:  // 'r'
      d = x == 0.0 ? ShortestDigits{"0", 1} : shortest_digits(x);
      vdigits_end = static_cast<int>(d.digits.size());
      use_exp = d.decimal_point <= -4 || d.decimal_point > 16;
      break;
  }
  if (no_neg_zero && negative && d.digits == "0") negative = false;
  if (negative) {
    out.push_back('-');
  } else if (always_sign) {
    out.push_back('+');
  }
  const int digits_len = static_cast<int>(d.digits.size());
  int decpt = d.decimal_point;
  int exponent = 0;
  if (use_exp) {
    exponent = decpt - 1;
    decpt = 1;
  }
  // Output the slice [vdigits_start, vdigits_end) of the digits padded with
  // zeros on both sides, with the point at decpt.
  const int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) {
    vdigits_end = std::max(vdigits_end, decpt + 1);
  } else {
    vdigits_end = std::max(vdigits_end, decpt);
  }
  vdigits_end = std::max(vdigits_end, digits_len);
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(d.digits, 0, static_cast<size_t>(decpt));
    out.push_back('.');
    out.append(d.digits, static_cast<size_t>(decpt));
  } else {
    out += d.digits;
  }
  if (digits_len < decpt) {
    out.append(static_cast<size_t>(decpt - digits_len), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !alternate) out.pop_back();
  if (use_exp) {
    out.push_back(upper ? 'E' : 'e');
    out.push_back(exponent < 0 ? '-' : '+');
    const std::string exp_digits = std::to_string(std::abs(exponent));
    if (exp_digits.size() < 2) out.push_back('0');
    out += exp_digits;
  }
  return out;
}

}  // namespace quire::lang::numeric
