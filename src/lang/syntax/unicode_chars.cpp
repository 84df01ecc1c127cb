#include "lang/syntax/unicode_chars.h"

namespace quire::lang::syntax {

char32_t decode_utf8(std::string_view text, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  std::size_t need = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (need == 0 || need > text.size()) {
    length = 1;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0xFF >> (need + 1));
  for (std::size_t i = 1; i < need; ++i) {
    if ((byte(i) & 0xC0) != 0x80) {
      length = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  length = need;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    std::size_t need;
    char32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF)
      need = 2, min = 0x80;
    else if (b0 >= 0xE0 && b0 <= 0xEF)
      need = 3, min = 0x800;
    else if (b0 >= 0xF0 && b0 <= 0xF4)
      need = 4, min = 0x10000;
    else
      return i;
    if (i + need > text.size()) return i;
    std::size_t length = 0;
    char32_t cp = decode_utf8(text.substr(i), length);
    if (length != need || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += need;
  }
  return std::string_view::npos;
}

namespace {
struct Range {
  char32_t first;
  char32_t last;
};
bool in_ranges(char32_t cp, const Range* ranges, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    if (cp >= ranges[i].first && cp <= ranges[i].last) return true;
  }
  return false;
}

// Not printable (CPython: categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs except space).
constexpr Range kNonPrintable[] = {
    {0x7F, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},     {0x61C, 0x61C},      {0x6DD, 0x6DD},
    {0x70F, 0x70F},   {0x1680, 0x1680}, {0x180E, 0x180E},   {0x2000, 0x200F},    {0x2028, 0x202F},
    {0x205F, 0x2064}, {0x2066, 0x206F}, {0x3000, 0x3000},   {0xD800, 0xF8FF},    {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB}, {0xFFFE, 0xFFFF}, {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
};

// Printable but not identifier characters: punctuation and symbols.
constexpr Range kNotIdentifier[] = {
    {0xA1, 0xA9},       {0xAB, 0xB4},     {0xB6, 0xB6},     {0xB8, 0xB9},     {0xBB, 0xBF},
    {0xD7, 0xD7},       {0xF7, 0xF7},     {0x2010, 0x2027}, {0x2030, 0x203E}, {0x2041, 0x2053},
    {0x2055, 0x205E},   {0x20A0, 0x20CF}, {0x2190, 0x23FF}, {0x2400, 0x24FF}, {0x2500, 0x27BF},
    {0x27C0, 0x2BFF},   {0x2E00, 0x2E7F}, {0x3001, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030},
    {0xFE10, 0xFE19},   {0xFE30, 0xFE4F}, {0xFE50, 0xFE6F}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF3E},   {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFE0, 0xFFEE}, {0xFFFC, 0xFFFD},
    {0x1F000, 0x1FAFF},
};
// Characters that may continue but not start an identifier (combining marks, digits).
constexpr Range kContinueOnly[] = {
    {0x300, 0x36F},   {0x660, 0x669},   {0x6F0, 0x6F9},   {0x966, 0x96F},
    {0x203F, 0x2040}, {0x2054, 0x2054}, {0xB7, 0xB7},     {0xFE33, 0xFE34},
    {0xFF10, 0xFF19}, {0xFF3F, 0xFF3F}, {0x20D0, 0x20FF}, {0xFE20, 0xFE2F},
};
}  // namespace

bool is_printable_code_point(char32_t cp) {
  if (cp < 0x20) return false;
  if (cp < 0x7F) return true;
  return !in_ranges(cp, kNonPrintable, std::size(kNonPrintable));
}

bool is_identifier_code_point(char32_t cp, bool first) {
  if (!is_printable_code_point(cp)) return false;
  if (in_ranges(cp, kNotIdentifier, std::size(kNotIdentifier))) return false;
  if (first && in_ranges(cp, kContinueOnly, std::size(kContinueOnly))) return false;
  return true;
}

}  // namespace quire::lang::syntax
