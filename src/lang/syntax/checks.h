#pragma once
// Errors CPython reports after parsing, from its symbol table and compiler,
// that depend only on the syntax tree:
//   symbol table: duplicate argument 'x' in function definition,
//                 nonlocal declaration not allowed at module level
//   compiler:     'return' outside function, 'yield' outside function,
//                 'yield' inside list comprehension (and set/dict/generator),
//                 'break' outside loop, 'continue' not properly in loop,
//                 keyword argument repeated: x,
//                 can't use starred expression here,
//                 starred assignment target must be in a list or tuple,
//                 multiple starred expressions in assignment
// Left to the compiler's scope analysis (they need name resolution):
//   no binding for nonlocal 'x' found, name 'x' is parameter and global,
//   name 'x' is assigned to before global declaration, name 'x' is used
//   prior to global declaration, and the nonlocal/global variants.

#include <optional>

#include "lang/syntax/ast.h"
#include "lang/syntax/tokenizer.h"

namespace quire::lang::syntax {

std::optional<LocatedError> check_module(const Module& module);

}  // namespace quire::lang::syntax
