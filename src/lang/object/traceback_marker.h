#pragma once
// The marker line CPython 3.11 prints under a traceback's source line
// (`~~~~^^^^`), from the failing instruction's position.

#include <string>
#include <string_view>

#include "lang/compile/code.h"

namespace quire::lang {

// The marker line for `line` (the whole source line, indentation included, no
// newline) and the failing instruction's position, with its newline; "" when
// CPython prints none (unknown columns, or markers spanning the whole line).
std::string traceback_marker_line(std::string_view line, const Position& at);

}  // namespace quire::lang
