#pragma once
// The VM's access to the numeric/text library (src/lang/numeric, src/lang/text):
// case mapping, character classes, format specs, % pieces. One place, so the
// rest of the VM does not depend on how those are implemented, and so their
// C++ exceptions (numeric::PyError) are turned into Python exceptions here.

#include <string>
#include <string_view>

#include "lang/object/runtime.h"

namespace quire::lang {

std::string text_lower(std::string_view s);
std::string text_upper(std::string_view s);
std::string text_title(std::string_view s);
std::string text_capitalize(std::string_view s);
std::string text_swapcase(std::string_view s);
std::string text_casefold(std::string_view s);
bool text_isdigit(std::string_view s);
bool text_isdecimal(std::string_view s);
bool text_isnumeric(std::string_view s);
bool text_isalpha(std::string_view s);
bool text_isalnum(std::string_view s);
bool text_isspace(std::string_view s);
bool text_isupper(std::string_view s);
bool text_islower(std::string_view s);
bool text_istitle(std::string_view s);
bool text_isascii(std::string_view s);
bool text_isidentifier(std::string_view s);
bool text_isprintable(std::string_view s);

// format(v, spec) for numbers and strings; false with the exception set on error.
bool format_int_spec(Isolate& I, Value v, std::string_view spec, std::string& out);
bool format_float_spec(Isolate& I, double v, std::string_view spec, std::string& out);
bool format_str_spec(Isolate& I, std::string_view text, std::string_view spec, std::string& out);
// round(x, ndigits) for floats, correctly rounded.
bool round_float(Isolate& I, double x, std::int64_t ndigits, double& out);

}  // namespace quire::lang

namespace quire::lang {

// Big-int operations done by the numeric library (rare paths: pow with a
// modulus, true division of big ints, bit_length/bit_count).
Value bigint_pow_mod(Isolate& I, Value base, Value exp, Value mod);
Value bigint_true_div(Isolate& I, Value a, Value b);
Value int_bit_length(Isolate& I, Value v);
Value int_bit_count(Isolate& I, Value v);

// str.encode / bytes.decode (utf-8, ascii, latin-1 and their aliases);
// encoding/errors may be Undef (defaults utf-8, strict).
Value text_encode(Isolate& I, std::string_view text, Value encoding, Value errors);
Value bytes_decode(Isolate& I, std::string_view bytes, Value encoding, Value errors);

}  // namespace quire::lang
