#pragma once
// The format-spec mini-language of format(), str.format and f-strings:
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// parsed and applied exactly as CPython 3.11 (errors are ValueError with
// CPython's words). Widths, fill and precision count code points; text is UTF-8.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lang/numeric/bigint.h"

namespace quire::lang::numeric {

struct FormatSpec {
  std::string fill = " ";    // one code point, UTF-8 encoded
  char align = '\0';         // '<' '>' '=' '^' or '\0' (type default)
  char sign = '\0';          // '+' '-' ' ' or '\0'
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  bool zero_pad = false;     // '0' before the width
  int64_t width = -1;        // -1: none
  char grouping = '\0';      // ',' '_' or '\0'
  int64_t precision = -1;    // -1: none
  char type = '\0';          // the presentation type, '\0' when absent
};

// Parses the syntax only. ValueError "Invalid format specifier", "Format
// specifier missing precision", "Too many decimal digits in format string",
// "Cannot specify both ',' and '_'.". Type-specific checks happen in the
// format_* functions, whose messages name the type.
FormatSpec parse_format_spec(std::string_view spec);

// format(value, spec) for int (bool formats as int when spec is non-empty;
// the VM handles format(True, "") == "True").
std::string format_int(int64_t value, std::string_view spec);
std::string format_int(const BigInt& value, std::string_view spec);
// format(value, spec) for float.
std::string format_float(double value, std::string_view spec);
// format(value, spec) for str (text is UTF-8).
std::string format_str(std::string_view text, std::string_view spec);

// Same, with an already parsed spec (the VM may cache parsed constant specs).
std::string format_int(const BigInt& value, const FormatSpec& spec);
std::string format_float(double value, const FormatSpec& spec);
std::string format_str(std::string_view text, const FormatSpec& spec);

}  // namespace quire::lang::numeric
