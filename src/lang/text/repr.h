#pragma once
// repr() and ascii() of str and bytes, exactly as CPython 3.11.

#include <string>
#include <string_view>

namespace quire::lang::text {

// repr(str): single quotes unless the text contains ' and no ", escapes
// \\ \n \r \t, \xhh for other controls and \x7f, non-printable code points
// as \xhh / \uXXXX / \UXXXXXXXX (str.isprintable() decides), printable
// non-ASCII kept as is. text is the VM's UTF-8 (surrogates allowed).
std::string str_repr(std::string_view text);
// ascii(str): as str_repr, with every non-ASCII code point escaped.
std::string str_ascii(std::string_view text);
// repr(bytes): b'...' with \t \n \r \\ escaped, \xhh outside 0x20..0x7e,
// same quote choice as str.
std::string bytes_repr(std::string_view bytes);

}  // namespace quire::lang::text
