#pragma once
// Layout of the generated name tables (unicode_names.cpp, written by
// gen_unicode_names.py); internal to lang/text, read by unicode_names_lookup.cpp.
//
// `words` holds the distinct words of all names, sorted, each followed by a
// space; `word_codes` gives, in the same order, each word's number in the
// variable-length code below. `names` is one record per named code point in
// code point order: the distance from the previous record's code point minus
// one, the word numbers, then 0. `aliases` (NameAliases.txt) is the same with
// the plain distance (a code point may have several aliases).
//
// The code: printable chars '#'..'~' without '\\' are the digits 0..90. A
// value's first char says how long it is: below 50 it is the value itself;
// 50..83 starts two chars, 84..88 three, 89..90 four (base-91 digits after
// the first).

#include <cstddef>

namespace quire::lang::text::names {

// Names PREFIX-XXXX whose hex part is the code point (CJK ideographs, ...).
struct HexNamedRange {
  const char* prefix;  // with the trailing '-'
  char32_t first;
  char32_t last;  // inclusive
};

extern const char words[], word_codes[], names[], aliases[];
extern const std::size_t words_size, word_codes_size, names_size, aliases_size, word_count;
extern const HexNamedRange hex_ranges[];
extern const std::size_t hex_range_count;

}  // namespace quire::lang::text::names
