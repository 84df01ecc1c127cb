#pragma once
// Small pieces of Python's text output that datetime reprs need.

#include <string>

namespace quire::lang::time {

// repr(str) for the tz names and keys that appear in reprs: single quotes
// unless the text has a ' and no ", backslash escapes for quotes, \\, \n,
// \r, \t and other control bytes; non-ASCII UTF-8 passes through.
std::string python_string_repr(const std::string& text);

}  // namespace quire::lang::time
