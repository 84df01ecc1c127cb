#pragma once
// Prints an AST exactly as CPython 3.11's `ast.dump(tree)` does, optionally
// with include_attributes=True (positions). Used by tests to compare our parse
// with CPython's byte for byte, and handy for debugging (`quire ast`).

#include <string>

#include "lang/syntax/ast.h"

namespace quire::lang::syntax {

std::string ast_dump(const Module& module, bool include_attributes = false);
std::string ast_dump(const Expr& expression, bool include_attributes = false);

}  // namespace quire::lang::syntax
