// printf-style formatting, following CPython 3.11's PyUnicode_Format
// (Objects/unicodeobject.c): parse each conversion, convert the value to
// text, then pad it with sign, "0x" prefix and fill in CPython's order.

#include "lang/numeric/percent_format.h"

#include <charconv>
#include <climits>
#include <cstdio>
#include <functional>

#include "lang/numeric/float_text.h"
#include "lang/text/utf8.h"

namespace quire::lang::numeric {

namespace {

bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

PercentPiece error_piece(std::string message) {
  PercentPiece piece;
  piece.is_error = true;
  piece.error = PyError{ErrorKind::ValueError, std::move(message)};
  return piece;
}

}  // namespace

std::vector<PercentPiece> parse_percent_format(std::string_view format) {
  std::vector<char32_t> cps;
  for (size_t p = 0; p < format.size();) cps.push_back(text::decode_utf8(format, p));
  std::vector<PercentPiece> pieces;
  std::string literal;
  auto flush_literal = [&] {
    if (literal.empty()) return;
    PercentPiece piece;
    piece.literal = std::move(literal);
    pieces.push_back(std::move(piece));
    literal.clear();
  };
  const size_t n = cps.size();
  size_t pos = 0;
  while (pos < n) {
    if (cps[pos] != '%') {
      text::append_utf8(literal, cps[pos++]);
      continue;
    }
    ++pos;
    if (pos < n && cps[pos] == '%') {
      literal.push_back('%');
      ++pos;
      continue;
    }
    flush_literal();
    PercentSpec spec;
    if (pos < n && cps[pos] == '(') {
      // The key runs to the matching ')', counting nested parentheses.
      int depth = 1;
      const size_t key_start = ++pos;
      while (pos < n && depth > 0) {
        if (cps[pos] == ')') --depth;
        if (cps[pos] == '(') ++depth;
        ++pos;
      }
      if (depth > 0) {
        pieces.push_back(error_piece("incomplete format key"));
        pieces.back().spec.has_key = true;  // "format requires a mapping" comes first
        return pieces;
      }
      spec.has_key = true;
      for (size_t i = key_start; i + 1 < pos; ++i) text::append_utf8(spec.key, cps[i]);
    }
    for (; pos < n; ++pos) {
      const char32_t c = cps[pos];
      if (c == '-') {
        spec.left = true;
      } else if (c == '+') {
        spec.plus = true;
      } else if (c == ' ') {
        spec.space = true;
      } else if (c == '#') {
        spec.alternate = true;
      } else if (c == '0') {
        spec.zero = true;
      } else {
        break;
      }
    }
    if (pos < n && cps[pos] == '*') {
      spec.width_star = true;
      ++pos;
    } else if (pos < n && is_digit(cps[pos])) {
      int64_t width = 0;
      bool too_big = false;
      for (; pos < n && is_digit(cps[pos]); ++pos) {
        const int digit = static_cast<int>(cps[pos] - '0');
        if (width > (INT64_MAX - digit) / 10) too_big = true;
        if (!too_big) width = width * 10 + digit;
      }
      if (too_big) {
        pieces.push_back(error_piece("width too big"));
        return pieces;
      }
      spec.width = width;
    }
    if (pos < n && cps[pos] == '.') {
      ++pos;
      spec.precision = 0;
      if (pos < n && cps[pos] == '*') {
        spec.precision_star = true;
        ++pos;
      } else {
        int64_t precision = 0;
        bool too_big = false;
        for (; pos < n && is_digit(cps[pos]); ++pos) {
          const int digit = static_cast<int>(cps[pos] - '0');
          if (precision > (INT_MAX - digit) / 10) too_big = true;
          if (!too_big) precision = precision * 10 + digit;
        }
        if (too_big) {
          pieces.push_back(error_piece("precision too big"));
          return pieces;
        }
        spec.precision = precision;
      }
    }
    if (pos < n && (cps[pos] == 'h' || cps[pos] == 'l' || cps[pos] == 'L')) ++pos;
    if (pos >= n) {
      pieces.push_back(error_piece("incomplete format"));
      return pieces;
    }
    spec.code = cps[pos];
    spec.type = spec.code < 128 ? static_cast<char>(spec.code) : '?';
    spec.index = pos;
    ++pos;
    PercentPiece piece;
    piece.is_spec = true;
    piece.spec = std::move(spec);
    pieces.push_back(std::move(piece));
  }
  flush_literal();
  return pieces;
}

bool percent_type_supported(const PercentSpec& spec) {
  switch (spec.code) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'c':
    case 's':
    case 'r':
    case 'a':
      return true;
    default:
      return false;
  }
}

void percent_unsupported_character(const PercentSpec& spec) {
  char buffer[96];
  const char shown = spec.code >= 31 && spec.code <= 126 ? static_cast<char>(spec.code) : '?';
  std::snprintf(buffer, sizeof buffer, "unsupported format character '%c' (0x%x) at index %zu",
                shown, static_cast<unsigned>(spec.code), spec.index);
  raise(ErrorKind::ValueError, buffer);
}

void percent_set_star_width(PercentSpec& spec, int64_t width) {
  if (width < 0) {
    spec.left = true;
    width = -width;
  }
  spec.width = width;
}

void percent_set_star_precision(PercentSpec& spec, int64_t precision) {
  spec.precision = precision < 0 ? 0 : precision;
}

namespace {

// CPython's unicode_format_arg_output: width, sign, the 0x/0o prefix of
// %#x/%#o and fill. `numeric` conversions take a sign and may fill with '0'.
std::string pad_output(const PercentSpec& spec, std::string_view body, bool numeric) {
  check_format_size(spec.width);
  const bool ascii = text::is_ascii(body);
  int64_t len = static_cast<int64_t>(ascii ? body.size() : text::count_code_points(body));
  size_t start = 0;  // byte index into body
  if (spec.type == 's' || spec.type == 'r' || spec.type == 'a') {
    if (spec.precision >= 0 && len > spec.precision) {
      body = body.substr(0, text::byte_offset_of(body, static_cast<size_t>(spec.precision), ascii));
      len = spec.precision;
    }
  }
  int64_t width = spec.width;
  if ((width < 0 || width <= len) && !(numeric && (spec.plus || spec.space))) {
    return std::string(body);
  }
  const char fill = numeric && spec.zero ? '0' : ' ';
  char sign = '\0';
  if (numeric) {
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
      sign = body[0];
      ++start;
      --len;
    } else if (spec.plus) {
      sign = '+';
    } else if (spec.space) {
      sign = ' ';
    }
  }
  if (width < len) width = len;
  std::string out;
  if (sign) {
    if (fill != ' ') out.push_back(sign);
    if (width > len) --width;
  }
  const bool prefix = spec.alternate && (spec.type == 'x' || spec.type == 'X' || spec.type == 'o');
  if (prefix) {
    if (fill != ' ') {
      out.append(body.substr(start, 2));
      start += 2;
    }
    width = std::max<int64_t>(width - 2, 0);
    len -= 2;
  }
  if (width > len && !spec.left) {
    out.append(static_cast<size_t>(width - len), fill);
    width = len;
  }
  if (fill == ' ') {
    if (sign) out.push_back(sign);
    if (prefix) {
      out.append(body.substr(start, 2));
      start += 2;
    }
  }
  out.append(body.substr(start));
  if (width > len) out.append(static_cast<size_t>(width - len), ' ');
  return out;
}

// CPython's _PyUnicode_FormatLong: digits of value in the conversion's base
// with the precision's zero padding and the '#' prefix.
std::string format_long_body(const PercentSpec& spec, bool negative,
                             const std::function<std::string(int)>& magnitude_digits) {
  check_format_size(spec.precision);
  int base = 10;
  const char* prefix = "";
  switch (spec.type) {
    case 'o':
      base = 8, prefix = "0o";
      break;
    case 'x':
      base = 16, prefix = "0x";
      break;
    case 'X':
      base = 16, prefix = "0X";
      break;
    default:
      break;
  }
  std::string digits = magnitude_digits(base);
  if (spec.type == 'X') {
    for (char& c : digits) {
      if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  std::string out = negative ? "-" : "";
  if (spec.alternate) out += prefix;
  if (spec.precision > static_cast<int64_t>(digits.size())) {
    out.append(static_cast<size_t>(spec.precision) - digits.size(), '0');
  }
  out += digits;
  return out;
}

}  // namespace

std::string percent_format_int(const PercentSpec& spec, const BigInt& value) {
  switch (spec.type) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      return pad_output(spec,
                        format_long_body(spec, value.sign() < 0,
                                         [&](int base) {
                                           return base == 10 ? value.abs().to_string()
                                                             : value.abs().to_string_base(base);
                                         }),
                        true);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return percent_format_float(spec, value.to_double());
    case 'c': {
      const auto code = value.to_int64();
      if (!code || *code < 0 || *code > 0x10FFFF) {
        raise(ErrorKind::OverflowError, "%c arg not in range(0x110000)");
      }
      return percent_format_char(spec, *code);
    }
    case 's':
    case 'r':
    case 'a':
      return percent_format_text(spec, value.to_string());
    default:
      percent_unsupported_character(spec);
  }
}

std::string percent_format_int(const PercentSpec& spec, int64_t value) {
  switch (spec.type) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      // The int64 path: digits straight from to_chars, no BigInt.
      const uint64_t magnitude =
          value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
      return pad_output(spec,
                        format_long_body(spec, value < 0,
                                         [&](int base) {
                                           char buffer[65];
                                           const auto result = std::to_chars(
                                               buffer, buffer + sizeof buffer, magnitude, base);
                                           return std::string(buffer, result.ptr);
                                         }),
                        true);
    }
    case 's':
    case 'r':
    case 'a':
      return percent_format_text(spec, std::to_string(value));
    default:
      return percent_format_int(spec, BigInt(value));
  }
}

std::string percent_format_float(const PercentSpec& spec, double value) {
  switch (spec.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      if (spec.precision > INT_MAX) raise(ErrorKind::ValueError, "precision too big");
      check_format_size(spec.precision);
      const int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
      return pad_output(
          spec, double_to_string(value, spec.type, precision, spec.alternate, false, false, false),
          true);
    }
    case 'd':
    case 'i':
    case 'u':
      return percent_format_int(spec, BigInt::from_double(value));
    case 'o':
    case 'x':
    case 'X':
      raise(ErrorKind::TypeError, percent_integer_required_message(spec.type, "float"));
    case 'c':
      raise(ErrorKind::TypeError, kPercentCharRequired);
    default:
      percent_unsupported_character(spec);
  }
}

std::string percent_format_text(const PercentSpec& spec, std::string_view text) {
  return pad_output(spec, text, false);
}

std::string percent_format_char(const PercentSpec& spec, int64_t code_point) {
  if (code_point < 0 || code_point > 0x10FFFF) {
    raise(ErrorKind::OverflowError, "%c arg not in range(0x110000)");
  }
  return pad_output(spec, text::encode_utf8(static_cast<char32_t>(code_point)), false);
}

std::string percent_number_required_message(char type, std::string_view type_name) {
  return concat({"%", std::string(1, type), " format: a real number is required, not ", type_name});
}

std::string percent_integer_required_message(char type, std::string_view type_name) {
  return concat({"%", std::string(1, type), " format: an integer is required, not ", type_name});
}

std::string percent_real_required_message(std::string_view type_name) {
  return concat({"must be real number, not ", type_name});
}

}  // namespace quire::lang::numeric
