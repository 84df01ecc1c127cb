#pragma once
// Unicode properties and case mapping for the str methods, matching CPython
// 3.11 (Unicode 14.0.0) exactly.
//
// Decision: the tables are generated from python3's own `unicodedata` and
// str methods by gen_unicode_tables.py (in this folder) and committed as
// unicode_tables.cpp. A Debian library (utf8proc, ICU) would ship a different
// Unicode version than CPython 3.11 and does not reproduce CPython's own
// rules (e.g. str.isprintable, isidentifier, the split() whitespace set,
// special casing), so differences would leak into script output. Regenerate
// only with a CPython 3.11 interpreter.

#include <cstdint>
#include <string>
#include <string_view>

namespace quire::lang::text {

// Per-code-point predicates (CPython's Py_UNICODE_IS* semantics).
bool is_alpha(char32_t cp);
bool is_decimal(char32_t cp);
bool is_digit(char32_t cp);
bool is_numeric(char32_t cp);
bool is_space(char32_t cp);  // str.isspace / str.split() whitespace set
// str.splitlines() boundaries: \n \v \f \r \x1c \x1d \x1e \x85 U+2028 U+2029
// (the caller treats "\r\n" as one boundary).
bool is_linebreak(char32_t cp);
bool is_printable(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_title(char32_t cp);
bool is_cased(char32_t cp);
bool is_case_ignorable(char32_t cp);
bool is_xid_start(char32_t cp);
bool is_xid_continue(char32_t cp);
// Decimal value 0..9 of a decimal digit, -1 otherwise (used by int()/float()).
int decimal_value(char32_t cp);

// Whole-string methods on UTF-8 text (empty string gives false as in CPython).
bool str_isalpha(std::string_view s);
bool str_isdecimal(std::string_view s);
bool str_isdigit(std::string_view s);
bool str_isnumeric(std::string_view s);
bool str_isspace(std::string_view s);
bool str_isalnum(std::string_view s);
bool str_isidentifier(std::string_view s);
bool str_isprintable(std::string_view s);  // true for ""
bool str_istitle(std::string_view s);
bool str_isupper(std::string_view s);
bool str_islower(std::string_view s);
bool str_isascii(std::string_view s);  // true for ""

// Case mapping with CPython's full (special-casing) rules: 'ß'.upper() ==
// 'SS', final sigma in lower(), title-case digraphs.
std::string str_upper(std::string_view s);
std::string str_lower(std::string_view s);
std::string str_casefold(std::string_view s);
std::string str_title(std::string_view s);
std::string str_capitalize(std::string_view s);
std::string str_swapcase(std::string_view s);

// If the text (after stripping Unicode whitespace) contains non-ASCII decimal
// digits or spaces, returns a copy with each decimal digit replaced by its
// ASCII digit and each Unicode space by ' ' (CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII, used by int() and float()).
// Other non-ASCII code points become '?' so parsing fails as in CPython.
std::string transform_decimal_and_space_to_ascii(std::string_view s);

}  // namespace quire::lang::text
