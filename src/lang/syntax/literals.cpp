#include "lang/syntax/literals.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

#include "lang/syntax/unicode_chars.h"
#include "lang/text/unicode_names.h"

namespace quire::lang::syntax {

StringPrefix parse_string_prefix(std::string_view token, std::string_view& body) {
  StringPrefix prefix;
  std::size_t i = 0;
  while (i < token.size() && token[i] != '\'' && token[i] != '"') {
    char c = static_cast<char>(token[i] | 0x20);
    if (c == 'r') prefix.raw = true;
    if (c == 'b') prefix.bytes = true;
    if (c == 'f') prefix.fstring = true;
    if (c == 'u') prefix.unicode = true;
    ++i;
  }
  prefix.prefix_length = static_cast<int>(i);
  std::string_view rest = token.substr(i);
  if (rest.size() >= 6 && rest[0] == rest[1] && rest[1] == rest[2]) prefix.quote_length = 3;
  body = rest.substr(prefix.quote_length, rest.size() - 2 * prefix.quote_length);
  return prefix;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string unicode_error(std::size_t start, std::size_t end, const char* what) {
  return "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
         std::to_string(start) + "-" + std::to_string(end) + ": " + what;
}

}  // namespace

bool decode_escapes(std::string_view body, bool bytes, std::string& out, std::string& error) {
  out.reserve(body.size());
  std::size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (i + 1 >= body.size()) {  // cannot happen for a tokenized literal
      out += '\\';
      ++i;
      continue;
    }
    char e = body[i + 1];
    i += 2;
    switch (e) {
      case '\n':
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        unsigned value = static_cast<unsigned>(e - '0');
        for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++k) {
          value = value * 8 + static_cast<unsigned>(body[i++] - '0');
        }
        if (bytes)
          out += static_cast<char>(value & 0xFF);
        else
          append_utf8(out, value);
        break;
      }
      case 'x': {
        int h1 = i < body.size() ? hex_value(body[i]) : -1;
        int h2 = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
        if (h1 < 0 || h2 < 0) {
          if (bytes) {
            error = "(value error) invalid \\x escape at position " + std::to_string(start);
          } else {
            std::size_t end = i + (h1 < 0 ? 0 : 1);
            error = unicode_error(start, end - 1, "truncated \\xXX escape");
          }
          return false;
        }
        unsigned value = static_cast<unsigned>(h1 * 16 + h2);
        i += 2;
        if (bytes)
          out += static_cast<char>(value);
        else
          append_utf8(out, value);
        break;
      }
      case 'u':
      case 'U': {
        if (bytes) {
          out += '\\';
          out += e;
          break;
        }
        const std::size_t digits = e == 'u' ? 4 : 8;
        char32_t value = 0;
        std::size_t k = 0;
        for (; k < digits && i + k < body.size(); ++k) {
          int h = hex_value(body[i + k]);
          if (h < 0) break;
          value = value * 16 + static_cast<char32_t>(h);
        }
        if (k < digits) {
          error =
              unicode_error(start, i + k - 1,
                            e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
          return false;
        }
        i += digits;
        if (value > 0x10FFFF) {
          error = unicode_error(start, i - 1, "illegal Unicode character");
          return false;
        }
        append_utf8(out, value);
        break;
      }
      case 'N': {
        if (bytes) {
          out += "\\N";
          break;
        }
        if (i >= body.size() || body[i] != '{') {
          error = unicode_error(start, i - 1, "malformed \\N character escape");
          return false;
        }
        // CPython: an empty or unterminated name is malformed; an unknown
        // one is reported up to its closing brace.
        std::size_t close = body.find('}', i + 1);
        if (close == std::string_view::npos || close == i + 1) {
          std::size_t stop = close == std::string_view::npos ? body.size() : close;
          error = unicode_error(start, stop - 1, "malformed \\N character escape");
          return false;
        }
        auto code_point = text::lookup_character_name(body.substr(i + 1, close - i - 1));
        if (!code_point) {
          error = unicode_error(start, close, "unknown Unicode character name");
          return false;
        }
        append_utf8(out, *code_point);
        i = close + 1;
        break;
      }
      default:
        // Unknown escapes keep the backslash (CPython only warns).
        out += '\\';
        out += e;
        break;
    }
  }
  return true;
}

namespace {

// Multiplies a little-endian base-1e9 number by `factor` and adds `addend`.
void big_mul_add(std::vector<std::uint32_t>& limbs, std::uint32_t factor, std::uint32_t addend) {
  std::uint64_t carry = addend;
  for (auto& limb : limbs) {
    std::uint64_t v = static_cast<std::uint64_t>(limb) * factor + carry;
    limb = static_cast<std::uint32_t>(v % 1000000000u);
    carry = v / 1000000000u;
  }
  while (carry) {
    limbs.push_back(static_cast<std::uint32_t>(carry % 1000000000u));
    carry /= 1000000000u;
  }
}

std::string big_to_decimal(const std::vector<std::uint32_t>& limbs) {
  std::string out = std::to_string(limbs.empty() ? 0 : limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

}  // namespace

NumberValue parse_number(std::string_view text) {
  NumberValue result;
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '_') clean += c;
  }
  const char last = clean.empty() ? '0' : clean.back();
  if (last == 'j' || last == 'J') {
    result.kind = NumberValue::Kind::Imaginary;
    return result;
  }
  int base = 10;
  std::size_t digits_start = 0;
  if (clean.size() > 1 && clean[0] == '0') {
    char p = static_cast<char>(clean[1] | 0x20);
    if (p == 'x') base = 16, digits_start = 2;
    if (p == 'o') base = 8, digits_start = 2;
    if (p == 'b') base = 2, digits_start = 2;
  }
  if (base == 10 && clean.find_first_of(".eE") != std::string::npos) {
    result.kind = NumberValue::Kind::Float;
    double value = 0;
    auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
    if (ec == std::errc::result_out_of_range) {
      // Overflow gives inf (like CPython); underflow gives 0.
      bool overflow = false;
      std::size_t e = clean.find_first_of("eE");
      if (e != std::string::npos) overflow = clean[e + 1] != '-';
      value = overflow ? std::numeric_limits<double>::infinity() : 0.0;
    }
    (void)ptr;
    result.float_value = value;
    return result;
  }
  result.kind = NumberValue::Kind::Int;
  std::uint64_t value = 0;
  bool overflow = false;
  for (std::size_t i = digits_start; i < clean.size(); ++i) {
    int d = hex_value(clean[i]);
    if (value > (static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) -
                 static_cast<std::uint64_t>(d)) /
                    static_cast<std::uint64_t>(base)) {
      overflow = true;
      break;
    }
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
  }
  if (!overflow) {
    result.int_value = static_cast<std::int64_t>(value);
    return result;
  }
  result.int_is_big = true;
  if (base == 10) {
    std::size_t first = clean.find_first_not_of('0');
    result.big_digits = clean.substr(first);
    return result;
  }
  // Base conversion is quadratic; refuse absurd sizes rather than stall.
  if (clean.size() - digits_start > kMaxNonDecimalDigits) {
    result.too_large = true;
    return result;
  }
  std::vector<std::uint32_t> limbs;
  const int bits = base == 16 ? 4 : base == 8 ? 3 : 1;
  const int per_chunk = 28 / bits;  // base^per_chunk < 1e9
  std::size_t i = digits_start;
  while (i < clean.size()) {
    std::uint32_t factor = 1;
    std::uint32_t chunk = 0;
    for (int k = 0; k < per_chunk && i < clean.size(); ++k, ++i) {
      factor <<= bits;
      chunk = (chunk << bits) | static_cast<std::uint32_t>(hex_value(clean[i]));
    }
    big_mul_add(limbs, factor, chunk);
  }
  result.big_digits = big_to_decimal(limbs);
  return result;
}

}  // namespace quire::lang::syntax
