#pragma once
// Python's repr() of the constant types that appear in an AST, used by
// ast_dump: str (with CPython's quote choice and escapes), bytes, float.

#include <string>
#include <string_view>

namespace quire::lang::syntax {

std::string python_str_repr(std::string_view utf8);
std::string python_bytes_repr(std::string_view bytes);
std::string python_float_repr(double value);

}  // namespace quire::lang::syntax
