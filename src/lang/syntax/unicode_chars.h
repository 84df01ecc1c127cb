#pragma once
// Small Unicode helpers for the syntax layer: UTF-8 decoding and approximate
// character classes. quire_lang_syntax has no Unicode database dependency, so
// identifier and printability checks use tables of the ranges that matter in
// practice (punctuation, symbols, spaces, controls) rather than the full
// XID_Start/XID_Continue properties. Differences from CPython are limited to
// exotic characters.

#include <cstddef>
#include <string>
#include <string_view>

namespace quire::lang::syntax {

// Decodes one code point at the start of `text` (which must be non-empty) and
// sets `length` to its byte length. Invalid sequences decode as U+FFFD with
// length 1.
char32_t decode_utf8(std::string_view text, std::size_t& length);

// Appends the UTF-8 (WTF-8 for surrogates) encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

// Position (byte offset) of the first invalid UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view text);

// Whether `cp` (non-ASCII) may appear in an identifier.
bool is_identifier_code_point(char32_t cp, bool first);

// CPython's str.isprintable() for one code point (approximate for non-ASCII).
bool is_printable_code_point(char32_t cp);

}  // namespace quire::lang::syntax
