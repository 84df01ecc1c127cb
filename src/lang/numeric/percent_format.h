#pragma once
// printf-style `str % args` formatting as CPython 3.11. The VM walks the
// pieces of a parsed format string, fetches each argument (from the tuple or
// the mapping), checks its type, and calls the percent_format_* function for
// its kind. Errors are PyError with CPython's messages; the helpers at the
// bottom build the messages that need the VM's knowledge of types.
// tests/lang/numeric/percent_format_test.cpp (apply()) is a complete example
// of the VM's loop over the pieces for a tuple argument.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/numeric/bigint.h"
#include "lang/numeric/error.h"

namespace quire::lang::numeric {

struct PercentSpec {
  bool has_key = false;
  std::string key;              // the text of %(key)s
  bool left = false;            // '-'
  bool plus = false;            // '+'
  bool space = false;           // ' '
  bool alternate = false;       // '#'
  bool zero = false;            // '0'
  bool width_star = false;      // width comes from the next argument
  int64_t width = -1;           // -1: none
  bool precision_star = false;  // precision comes from the next argument
  int64_t precision = -1;       // -1: none
  char type = '\0';             // one of d i o u x X e E f F g G c s r a, or unsupported
  size_t index = 0;             // code-point index of the type character (for error messages)
  char32_t code = 0;            // the type character as a code point (may be non-ASCII)
};

// True when spec.type is a conversion CPython supports.
bool percent_type_supported(const PercentSpec& spec);
// ValueError "unsupported format character 'y' (0x79) at index 3". CPython
// raises it after fetching the conversion's argument, so the VM fetches the
// argument (raising "not enough arguments..." first) and then calls this.
[[noreturn]] void percent_unsupported_character(const PercentSpec& spec);

// A format string cut into literal text and conversions. "%%" becomes a
// literal "%" with no spec. A conversion that cannot be parsed becomes an
// error piece: CPython formats left to right and raises the error only when
// it reaches that conversion ("%s %" % () says "not enough arguments..."),
// so the VM raises piece.error when it gets there. Before either, a piece
// whose spec.has_key is set raises TypeError kPercentRequiresMapping when the
// argument is not a mapping (CPython checks that first).
struct PercentPiece {
  bool is_spec = false;
  std::string literal;
  PercentSpec spec;
  bool is_error = false;
  PyError error{ErrorKind::ValueError, ""};  // "incomplete format", "incomplete format key"
};

// Never throws: errors become error pieces (see above).
std::vector<PercentPiece> parse_percent_format(std::string_view format);

// Resolve a '*' width or precision from its int argument as CPython does: a
// negative width means left-aligned with its absolute value; a negative
// precision means 0.
void percent_set_star_width(PercentSpec& spec, int64_t width);
void percent_set_star_precision(PercentSpec& spec, int64_t precision);

// Apply one spec (with star width/precision already resolved).
// %d %i %u %o %x %X %c of an int; %e %f %g ... convert it to float first
// (OverflowError "int too large to convert to float"); %s %r %a give str(int).
std::string percent_format_int(const PercentSpec& spec, const BigInt& value);
std::string percent_format_int(const PercentSpec& spec, int64_t value);
// %e %E %f %F %g %G; also %d/%i/%u of a float (truncated to int, as CPython;
// OverflowError for inf), TypeError "%x format: an integer is required, not
// float" for %x %X %o, "%c requires int or char" for %c.
std::string percent_format_float(const PercentSpec& spec, double value);
// %s %r %a with the VM's str()/repr()/ascii() already applied; precision cuts
// code points. Also %c given the character as UTF-8.
std::string percent_format_text(const PercentSpec& spec, std::string_view text);
// %c of an int. OverflowError "%c arg not in range(0x110000)".
std::string percent_format_char(const PercentSpec& spec, int64_t code_point);

// Message builders: "%d format: a real number is required, not str",
// "%x format: an integer is required, not float", "%c requires int or char",
// "not enough arguments for format string", "not all arguments converted
// during string formatting", "format requires a mapping", "* wants int".
std::string percent_number_required_message(char type, std::string_view type_name);
std::string percent_integer_required_message(char type, std::string_view type_name);
// %e %f %g of a non-number: "must be real number, not str".
std::string percent_real_required_message(std::string_view type_name);
inline constexpr const char* kPercentNotEnoughArguments = "not enough arguments for format string";
inline constexpr const char* kPercentNotAllConverted =
    "not all arguments converted during string formatting";
inline constexpr const char* kPercentRequiresMapping = "format requires a mapping";
inline constexpr const char* kPercentCharRequired = "%c requires int or char";
inline constexpr const char* kPercentStarWantsInt = "* wants int";

}  // namespace quire::lang::numeric
