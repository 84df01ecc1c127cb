#pragma once
// The format-spec mini-language of format(), str.format and f-strings:
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// parsed and applied exactly as CPython 3.11 (errors are ValueError with
// CPython's words). Widths, fill and precision count code points; text is UTF-8.
// Widths and precisions above kMaxFormatSize (error.h) raise MemoryError
// before anything is allocated. The C locale is assumed for 'n' (no grouping).

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
  std::string type_name;     // for error messages: "int", "float", "str"
};

// What is being formatted: decides the defaults (type 'd' and right
// alignment for int, no type and right alignment for float, type 's' and left
// alignment for str), which the '0' flag and the grouping checks depend on.
enum class FormatTarget { Int, Float, Str };

// Parses spec for a value of `target`, filling in the target's default type.
// ValueError "Invalid format specifier 'abc' for object of type 'int'",
// "Format specifier missing precision", "Too many decimal digits in format
// string", "Cannot specify both ',' and '_'.", "Cannot specify ',' with 's'.",
// and "Unknown format code '\xe9' for object of type 'int'" for a type that is
// not ASCII. type_name defaults to "int"/"float"/"str". Type-specific checks
// happen in the format_* functions.
FormatSpec parse_format_spec(std::string_view spec, FormatTarget target,
                             std::string_view type_name = {});
// Same as parse_format_spec(spec, FormatTarget::Float).
FormatSpec parse_format_spec(std::string_view spec);

// format(value, spec) for int (bool formats as int when spec is non-empty;
// the VM handles format(True, "") == "True"). Types e E f F g G % convert the
// int to float first (OverflowError "int too large to convert to float").
std::string format_int(int64_t value, std::string_view spec);
std::string format_int(const BigInt& value, std::string_view spec);
// format(value, spec) for float.
std::string format_float(double value, std::string_view spec);
// format(value, spec) for str (text is UTF-8).
std::string format_str(std::string_view text, std::string_view spec);

// Same, with an already parsed spec (the VM may cache parsed constant specs;
// parse with the matching FormatTarget).
std::string format_int(const BigInt& value, const FormatSpec& spec);
std::string format_int(int64_t value, const FormatSpec& spec);
std::string format_float(double value, const FormatSpec& spec);
std::string format_str(std::string_view text, const FormatSpec& spec);

}  // namespace quire::lang::numeric
