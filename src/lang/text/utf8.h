#pragma once
// UTF-8 helpers for the VM's str: strings are stored as UTF-8 with a cached
// "is ASCII" flag; ASCII strings index in O(1), others walk code points.
// Python str may hold lone surrogates (e.g. from "\ud800"); we encode them
// as 3-byte sequences ("WTF-8") so every code point 0..0x10FFFF round-trips.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quire::lang::text {

inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Appends the encoding of cp (<= 0x10FFFF, surrogates allowed) to out.
void append_utf8(std::string& out, char32_t cp);
std::string encode_utf8(char32_t cp);

// Decodes the code point starting at text[pos] and advances pos. The input
// must be valid (see is_valid_utf8); on invalid bytes returns U+FFFD and
// advances one byte rather than reading out of bounds.
char32_t decode_utf8(std::string_view text, size_t& pos);

// True for well-formed UTF-8 that may also contain encoded surrogates
// (allow_surrogates) — the VM's internal form.
bool is_valid_utf8(std::string_view text, bool allow_surrogates = true);

bool is_ascii(std::string_view text);

// Number of code points (len(str)).
size_t count_code_points(std::string_view text);

// Byte offset of code point number index (index may equal the length, giving
// text.size()). O(1) when ascii is true.
size_t byte_offset_of(std::string_view text, size_t index, bool ascii);
// Code-point index of a byte offset that starts a code point.
size_t code_point_index_of(std::string_view text, size_t byte_offset, bool ascii);

// Encoded length in bytes of a code point.
inline size_t utf8_length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

}  // namespace quire::lang::text
