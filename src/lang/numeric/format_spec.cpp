// The format-spec mini-language, following CPython 3.11's
// Python/formatter_unicode.c: parse, then lay a number out as
//   <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
// or a string as <lpadding> <text> <rpadding>.

#include "lang/numeric/format_spec.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <vector>

#include "lang/numeric/error.h"
#include "lang/numeric/float_text.h"
#include "lang/text/utf8.h"

namespace quire::lang::numeric {

namespace {

bool is_align(char32_t c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

std::string default_type_name(FormatTarget target) {
  switch (target) {
    case FormatTarget::Int:
      return "int";
    case FormatTarget::Float:
      return "float";
    case FormatTarget::Str:
      return "str";
  }
  return "object";
}

std::string code_text(char32_t code) {
  if (code > 32 && code < 128) return std::string(1, static_cast<char>(code));
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\x%x", static_cast<unsigned>(code));
  return buffer;
}

[[noreturn]] void unknown_code(char32_t code, const std::string& type_name) {
  raise(ErrorKind::ValueError, concat({"Unknown format code '", code_text(code),
                                       "' for object of type '", type_name, "'"}));
}

// Reads decimal digits; returns how many. CPython refuses values beyond
// Py_ssize_t.
size_t read_integer(const std::vector<char32_t>& cps, size_t& pos, int64_t& value) {
  size_t consumed = 0;
  value = 0;
  while (pos < cps.size() && cps[pos] >= '0' && cps[pos] <= '9') {
    const int digit = static_cast<int>(cps[pos] - '0');
    if (value > (std::numeric_limits<int64_t>::max() - digit) / 10) {
      raise(ErrorKind::ValueError, "Too many decimal digits in format string");
    }
    value = value * 10 + digit;
    ++pos;
    ++consumed;
  }
  return consumed;
}

}  // namespace

FormatSpec parse_format_spec(std::string_view spec, FormatTarget target,
                             std::string_view type_name) {
  FormatSpec out;
  out.type_name = type_name.empty() ? default_type_name(target) : std::string(type_name);
  const char default_align = target == FormatTarget::Str ? '<' : '>';
  std::vector<char32_t> cps;
  cps.reserve(spec.size());
  for (size_t p = 0; p < spec.size();) cps.push_back(text::decode_utf8(spec, p));
  const size_t end = cps.size();
  size_t pos = 0;
  bool fill_given = false, align_given = false;
  if (end - pos >= 2 && is_align(cps[pos + 1])) {
    out.fill = text::encode_utf8(cps[pos]);
    out.align = static_cast<char>(cps[pos + 1]);
    fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(cps[pos])) {
    out.align = static_cast<char>(cps[pos]);
    align_given = true;
    ++pos;
  }
  if (pos < end && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) {
    out.sign = static_cast<char>(cps[pos++]);
  }
  if (pos < end && cps[pos] == 'z') {
    out.no_neg_zero = true;
    ++pos;
  }
  if (pos < end && cps[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  if (!fill_given && pos < end && cps[pos] == '0') {
    out.fill.assign(1, '0');
    out.zero_pad = true;
    if (!align_given && default_align == '>') out.align = '=';
    ++pos;
  }
  int64_t number;
  if (read_integer(cps, pos, number) > 0) out.width = number;
  if (pos < end && cps[pos] == ',') {
    out.grouping = ',';
    ++pos;
  }
  if (pos < end && cps[pos] == '_') {
    if (out.grouping != '\0') raise(ErrorKind::ValueError, "Cannot specify both ',' and '_'.");
    out.grouping = '_';
    ++pos;
  }
  if (pos < end && cps[pos] == ',' && out.grouping == '_') {
    raise(ErrorKind::ValueError, "Cannot specify both ',' and '_'.");
  }
  if (pos < end && cps[pos] == '.') {
    ++pos;
    if (read_integer(cps, pos, number) == 0) {
      raise(ErrorKind::ValueError, "Format specifier missing precision");
    }
    out.precision = number;
  }
  if (end - pos > 1) {
    raise(ErrorKind::ValueError, concat({"Invalid format specifier '", spec,
                                         "' for object of type '", out.type_name, "'"}));
  }
  char32_t type = target == FormatTarget::Int ? 'd' : target == FormatTarget::Str ? 's' : '\0';
  if (end - pos == 1) type = cps[pos];
  if (out.grouping != '\0') {
    switch (type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case '\0':
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (out.grouping == '_') break;
        [[fallthrough]];
      default:
        raise(ErrorKind::ValueError, concat({"Cannot specify '", std::string(1, out.grouping),
                                             "' with '", code_text(type), "'."}));
    }
  }
  if (type >= 128) unknown_code(type, out.type_name);
  out.type = static_cast<char>(type);
  if (out.align == '\0') out.align = default_align;
  return out;
}

FormatSpec parse_format_spec(std::string_view spec) {
  return parse_format_spec(spec, FormatTarget::Float);
}

namespace {

// Appends `count` copies of the fill code point.
void pad(std::string& out, const std::string& fill, int64_t count) {
  for (int64_t i = 0; i < count; ++i) out += fill;
}

void check_size(int64_t n) {
  check_format_size(n);
}

// Digits grouped from the right in groups of `group` with `sep`, padded on
// the left with zeros (and separators among them) up to min_width, as
// CPython's _PyUnicode_InsertThousandsGrouping.
std::string group_digits(std::string_view digits, int group, char sep, int64_t min_width) {
  min_width = std::max<int64_t>(0, min_width);
  std::string reversed;
  int64_t remaining = static_cast<int64_t>(digits.size());
  bool use_separator = false;
  auto emit = [&](int64_t zeros, int64_t chars) {
    if (use_separator) reversed.push_back(sep);
    for (int64_t i = 0; i < chars; ++i) reversed.push_back(digits[remaining - 1 - i]);
    reversed.append(static_cast<size_t>(zeros), '0');
  };
  if (group > 0) {
    while (true) {
      const int64_t l =
          std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
      const int64_t zeros = std::max<int64_t>(0, l - remaining);
      const int64_t chars = std::max<int64_t>(0, std::min(remaining, l));
      emit(zeros, chars);
      use_separator = true;
      remaining -= chars;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0) break;
      min_width -= 1;  // the separator's width
    }
  } else {
    const int64_t l = std::max<int64_t>(std::max(remaining, min_width), 1);
    emit(std::max<int64_t>(0, l - remaining), std::max<int64_t>(0, std::min(remaining, l)));
  }
  return std::string(reversed.rbegin(), reversed.rend());
}

struct NumberParts {
  char sign_char = '\0';  // '-' when negative
  std::string prefix;     // "0x" ...
  std::string digits;     // ASCII digits (may be empty, e.g. inf or 'c')
  bool has_decimal = false;
  std::string remainder;        // after the point: fraction, exponent, '%', or the 'c' character
  int64_t remainder_width = 0;  // in code points
};

// Lays the parts out per the spec (CPython's calc_number_widths + fill_number).
std::string layout_number(const NumberParts& parts, const FormatSpec& spec, int group) {
  char sign = '\0';
  if (spec.sign == '+') {
    sign = parts.sign_char == '-' ? '-' : '+';
  } else if (spec.sign == ' ') {
    sign = parts.sign_char == '-' ? '-' : ' ';
  } else if (parts.sign_char == '-') {
    sign = '-';
  }
  const int64_t non_digit = (sign ? 1 : 0) + static_cast<int64_t>(parts.prefix.size()) +
                            (parts.has_decimal ? 1 : 0) + parts.remainder_width;
  const int64_t min_width = spec.fill == "0" && spec.align == '=' ? spec.width - non_digit : 0;
  const char sep = spec.grouping == '\0' ? '\0' : spec.grouping;
  std::string grouped;
  if (!parts.digits.empty()) {
    check_size(min_width);
    grouped = group_digits(parts.digits, sep ? group : 0, sep, min_width);
  }
  const int64_t padding = spec.width - (non_digit + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    check_size(padding);
    switch (spec.align) {
      case '<':
        rpad = padding;
        break;
      case '^':
        lpad = padding / 2;
        rpad = padding - lpad;
        break;
      case '=':
        spad = padding;
        break;
      default:
        lpad = padding;
        break;
    }
  }
  std::string out;
  pad(out, spec.fill, lpad);
  if (sign) out.push_back(sign);
  out += parts.prefix;
  pad(out, spec.fill, spad);
  out += grouped;
  if (parts.has_decimal) out.push_back('.');
  out += parts.remainder;
  pad(out, spec.fill, rpad);
  return out;
}

// Splits a formatted float ("-1234.5e+07", "inf") into sign, leading digits,
// decimal point and the rest, as CPython's parse_number.
NumberParts split_float_text(const std::string& text) {
  NumberParts parts;
  size_t pos = 0;
  if (!text.empty() && text[0] == '-') {
    parts.sign_char = '-';
    pos = 1;
  }
  size_t digits_end = pos;
  while (digits_end < text.size() && text[digits_end] >= '0' && text[digits_end] <= '9') {
    ++digits_end;
  }
  parts.digits = text.substr(pos, digits_end - pos);
  size_t rest = digits_end;
  if (rest < text.size() && text[rest] == '.') {
    parts.has_decimal = true;
    ++rest;
  }
  parts.remainder = text.substr(rest);
  parts.remainder_width = static_cast<int64_t>(parts.remainder.size());
  return parts;
}

}  // namespace

std::string format_float(double value, const FormatSpec& spec) {
  switch (spec.type) {
    case '\0':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      break;
    default:
      unknown_code(static_cast<unsigned char>(spec.type), spec.type_name);
  }
  if (spec.precision > std::numeric_limits<int>::max()) {
    raise(ErrorKind::ValueError, "precision too big");
  }
  check_size(spec.precision);
  char type = spec.type;
  int precision = static_cast<int>(spec.precision);
  bool add_dot_0 = false;
  int default_precision = 6;
  if (type == '\0') {
    add_dot_0 = true;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool percent = false;
  if (type == '%') {
    type = 'f';
    value *= 100;
    percent = true;
  }
  if (precision < 0) {
    precision = default_precision;
  } else if (type == 'r') {
    type = 'g';
  }
  std::string text =
      double_to_string(value, type, precision, spec.alternate, add_dot_0, spec.no_neg_zero, false);
  if (percent) text.push_back('%');
  NumberParts parts = split_float_text(text);
  return layout_number(parts, spec, 3);
}

std::string format_float(double value, std::string_view spec) {
  if (spec.empty()) return double_to_string(value, 'r', 0, false, true, false, false);
  return format_float(value, parse_format_spec(spec, FormatTarget::Float));
}

namespace {

// An int to format: an int64 (no allocation) or a BigInt.
struct IntValue {
  const BigInt* big = nullptr;
  int64_t small = 0;

  bool negative() const { return big ? big->sign() < 0 : small < 0; }
  std::optional<int64_t> as_int64() const { return big ? big->to_int64() : small; }
  double to_double() const { return big ? big->to_double() : static_cast<double>(small); }
  // Digits of the absolute value (the 4300-digit limit applies in base 10).
  std::string magnitude_digits(int base) const {
    if (big) return base == 10 ? big->abs().to_string() : big->abs().to_string_base(base);
    const uint64_t magnitude =
        small < 0 ? 0 - static_cast<uint64_t>(small) : static_cast<uint64_t>(small);
    char buffer[65];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, base);
    return std::string(buffer, result.ptr);
  }
};

std::string format_int_impl(const IntValue& value, const FormatSpec& spec) {
  switch (spec.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return format_float(value.to_double(), spec);
    default:
      unknown_code(static_cast<unsigned char>(spec.type), spec.type_name);
  }
  if (spec.precision != -1) {
    raise(ErrorKind::ValueError, "Precision not allowed in integer format specifier");
  }
  if (spec.no_neg_zero) {
    raise(ErrorKind::ValueError,
          "Negative zero coercion (z) not allowed in integer format specifier");
  }
  NumberParts parts;
  if (spec.type == 'c') {
    if (spec.sign != '\0') {
      raise(ErrorKind::ValueError, "Sign not allowed with integer format specifier 'c'");
    }
    if (spec.alternate) {
      raise(ErrorKind::ValueError,
            "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    const auto code = value.as_int64();
    if (!code) raise(ErrorKind::OverflowError, "Python int too large to convert to C long");
    if (*code < 0 || *code > 0x10FFFF) {
      raise(ErrorKind::OverflowError, "%c arg not in range(0x110000)");
    }
    parts.remainder = text::encode_utf8(static_cast<char32_t>(*code));
    parts.remainder_width = 1;
    return layout_number(parts, spec, 3);
  }
  int base = 10;
  int group = 3;
  const char* prefix = "";
  switch (spec.type) {
    case 'b':
      base = 2, group = 4, prefix = "0b";
      break;
    case 'o':
      base = 8, group = 4, prefix = "0o";
      break;
    case 'x':
      base = 16, group = 4, prefix = "0x";
      break;
    case 'X':
      base = 16, group = 4, prefix = "0X";
      break;
    default:
      break;
  }
  if (value.negative()) parts.sign_char = '-';
  parts.digits = value.magnitude_digits(base);
  if (spec.type == 'X') {
    for (char& c : parts.digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (spec.alternate) parts.prefix = prefix;
  FormatSpec effective = spec;
  if (spec.type == 'n') effective.grouping = '\0';  // the C locale has no grouping
  return layout_number(parts, effective, group);
}

}  // namespace

std::string format_int(const BigInt& value, const FormatSpec& spec) {
  return format_int_impl(IntValue{&value, 0}, spec);
}

std::string format_int(int64_t value, const FormatSpec& spec) {
  return format_int_impl(IntValue{nullptr, value}, spec);
}

std::string format_int(const BigInt& value, std::string_view spec) {
  if (spec.empty()) return value.to_string();
  return format_int(value, parse_format_spec(spec, FormatTarget::Int));
}

std::string format_int(int64_t value, std::string_view spec) {
  if (spec.empty()) return std::to_string(value);
  return format_int(value, parse_format_spec(spec, FormatTarget::Int));
}

std::string format_str(std::string_view text, const FormatSpec& spec) {
  if (spec.type != 's') unknown_code(static_cast<unsigned char>(spec.type), spec.type_name);
  if (spec.sign == ' ') {
    raise(ErrorKind::ValueError, "Space not allowed in string format specifier");
  }
  if (spec.sign != '\0') {
    raise(ErrorKind::ValueError, "Sign not allowed in string format specifier");
  }
  if (spec.no_neg_zero) {
    raise(ErrorKind::ValueError,
          "Negative zero coercion (z) not allowed in string format specifier");
  }
  if (spec.alternate) {
    raise(ErrorKind::ValueError, "Alternate form (#) not allowed in string format specifier");
  }
  if (spec.align == '=') {
    raise(ErrorKind::ValueError, "'=' alignment not allowed in string format specifier");
  }
  const bool ascii = text::is_ascii(text);
  int64_t length = static_cast<int64_t>(ascii ? text.size() : text::count_code_points(text));
  std::string_view shown = text;
  if (spec.precision >= 0 && length > spec.precision) {
    shown = text.substr(0, text::byte_offset_of(text, static_cast<size_t>(spec.precision), ascii));
    length = spec.precision;
  }
  const int64_t padding = spec.width - length;
  if (padding <= 0) return std::string(shown);
  check_size(padding);
  int64_t lpad = 0;
  if (spec.align == '>') {
    lpad = padding;
  } else if (spec.align == '^') {
    lpad = padding / 2;
  }
  std::string out;
  pad(out, spec.fill, lpad);
  out += shown;
  pad(out, spec.fill, padding - lpad);
  return out;
}

std::string format_str(std::string_view text, std::string_view spec) {
  if (spec.empty()) return std::string(text);
  return format_str(text, parse_format_spec(spec, FormatTarget::Str));
}

}  // namespace quire::lang::numeric
