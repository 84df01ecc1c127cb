#include "lang/syntax/python_repr.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "lang/syntax/unicode_chars.h"

namespace quire::lang::syntax {

namespace {
char quote_for(std::string_view text) {
  bool single = text.find('\'') != std::string_view::npos;
  bool dbl = text.find('"') != std::string_view::npos;
  return (single && !dbl) ? '"' : '\'';
}
}  // namespace

std::string python_str_repr(std::string_view utf8) {
  const char quote = quote_for(utf8);
  std::string out;
  out.reserve(utf8.size() + 2);
  out += quote;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t length = 1;
    char32_t cp = decode_utf8(utf8.substr(i), length);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else if (cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (is_printable_code_point(cp)) {
      out.append(utf8.substr(i, length));
    } else {
      char buf[16];
      if (cp < 0x100)
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      else if (cp < 0x10000)
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      else
        std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
      out += buf;
    }
    i += length;
  }
  out += quote;
  return out;
}

std::string python_bytes_repr(std::string_view bytes) {
  const char quote = quote_for(bytes);
  std::string out = "b";
  out += quote;
  for (char ch : bytes) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += quote;
  return out;
}

std::string python_float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  char buf[64];
  auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string sci(buf, result.ptr);
  // sci is like "-1.2345e+17": split sign, digits and exponent.
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  std::size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  int exponent = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  std::string out;
  if (exponent >= -5 && exponent < 16) {
    if (exponent < 0) {
      out = "0.";
      out.append(static_cast<std::size_t>(-exponent - 1), '0');
      out.append(digits);
    } else if (static_cast<int>(digits.size()) <= exponent + 1) {
      out = digits;
      out.append(static_cast<std::size_t>(exponent + 1) - digits.size(), '0');
      out.append(".0");
    } else {
      out = digits.substr(0, static_cast<std::size_t>(exponent + 1));
      out += '.';
      out.append(digits, static_cast<std::size_t>(exponent + 1));
    }
    // Python switches to exponent form below 1e-4.
    if (exponent < -4) out.clear();
  }
  if (out.empty()) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1);
    }
    char exp_buf[16];
    std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp_buf;
  }
  return sign + out;
}

}  // namespace quire::lang::syntax
