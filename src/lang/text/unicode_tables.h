#pragma once
// Layout of the generated Unicode tables (unicode_tables.cpp); internal to
// lang/text. Every table is sorted by code point for binary search.

#include <cstddef>

namespace quire::lang::text::tables {

struct CodePointRange {
  char32_t first;
  char32_t last;  // inclusive
};
struct RangeTable {
  const CodePointRange* ranges;
  size_t size;
};

// A code point whose case mapping is not itself: up to three code points,
// unused slots 0.
struct CaseMapping {
  char32_t code_point;
  char32_t mapped[3];
};
struct CaseMappingTable {
  const CaseMapping* entries;
  size_t size;
};

// The code point of digit zero of every run of ten decimal digits.
struct DecimalZeroTable {
  const char32_t* zeros;
  size_t size;
};

extern const RangeTable alpha, decimal, digit, numeric, space, printable, upper, lower, title,
    cased, case_ignorable, identifier_start, identifier_continue;
extern const CaseMappingTable map_upper, map_lower, map_title, map_casefold;
extern const DecimalZeroTable decimal_zeros;

}  // namespace quire::lang::text::tables
