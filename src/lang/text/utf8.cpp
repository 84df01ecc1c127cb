#include "lang/text/utf8.h"

namespace quire::lang::text {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode_utf8(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

namespace {

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// Length and validity of the sequence at text[pos]; 0 when malformed.
size_t sequence_length(std::string_view text, size_t pos, bool allow_surrogates, char32_t* out) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  const size_t left = text.size() - pos;
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  size_t len;
  char32_t cp;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (left < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(b)) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > kMaxCodePoint) return 0;
  if (!allow_surrogates && cp >= 0xD800 && cp <= 0xDFFF) return 0;
  *out = cp;
  return len;
}

}  // namespace

char32_t decode_utf8(std::string_view text, size_t& pos) {
  char32_t cp;
  const size_t len = sequence_length(text, pos, true, &cp);
  if (len == 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

bool is_valid_utf8(std::string_view text, bool allow_surrogates) {
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp;
    const size_t len = sequence_length(text, pos, allow_surrogates, &cp);
    if (len == 0) return false;
    pos += len;
  }
  return true;
}

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

size_t count_code_points(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if (!is_continuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

size_t byte_offset_of(std::string_view text, size_t index, bool ascii) {
  if (ascii) return index < text.size() ? index : text.size();
  size_t seen = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (is_continuation(static_cast<unsigned char>(text[pos]))) continue;
    if (seen == index) return pos;
    ++seen;
  }
  return text.size();
}

size_t code_point_index_of(std::string_view text, size_t byte_offset, bool ascii) {
  if (ascii) return byte_offset;
  return count_code_points(text.substr(0, byte_offset));
}

}  // namespace quire::lang::text
