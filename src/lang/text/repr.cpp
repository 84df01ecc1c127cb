#include "lang/text/repr.h"

#include "lang/text/unicode.h"
#include "lang/text/utf8.h"

namespace quire::lang::text {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex_escape(std::string& out, char32_t cp) {
  int digits;
  if (cp <= 0xFF) {
    out += "\\x";
    digits = 2;
  } else if (cp <= 0xFFFF) {
    out += "\\u";
    digits = 4;
  } else {
    out += "\\U";
    digits = 8;
  }
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out.push_back(kHex[(cp >> shift) & 0xF]);
}

// Single quotes unless the text has a ' and no ".
char choose_quote(std::string_view text) {
  bool has_single = false, has_double = false;
  for (char c : text) {
    has_single |= c == '\'';
    has_double |= c == '"';
  }
  return has_single && !has_double ? '"' : '\'';
}

std::string repr_impl(std::string_view text, bool ascii_only) {
  const char quote = choose_quote(text);
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back(quote);
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = decode_utf8(text, pos);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c == 0x7F) {
      append_hex_escape(out, c);
    } else if (c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else if (!ascii_only && is_printable(c)) {
      append_utf8(out, c);
    } else {
      append_hex_escape(out, c);
    }
  }
  out.push_back(quote);
  return out;
}

}  // namespace

std::string str_repr(std::string_view text) {
  return repr_impl(text, false);
}
std::string str_ascii(std::string_view text) {
  return repr_impl(text, true);
}

std::string bytes_repr(std::string_view bytes) {
  const char quote = choose_quote(bytes);
  std::string out = "b";
  out.push_back(quote);
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7F) {
      append_hex_escape(out, c);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back(quote);
  return out;
}

}  // namespace quire::lang::text
