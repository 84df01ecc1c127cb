#pragma once
// The compiler: AST (lang/syntax/ast.h) to an immutable Program of code
// objects (code.h). Two passes: scope resolution (scope.h), then code
// generation with a statically computed stack depth per code object.

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "lang/compile/code.h"
#include "lang/syntax/ast.h"
#include "lang/syntax/syntax_error.h"

namespace quire::lang {

struct CompileResult {
  std::unique_ptr<Program> program;
  std::optional<syntax::SyntaxError> error;  // set when compilation refused the program
};

// Compiles a parsed module. `source` is kept by the program for tracebacks.
CompileResult compile_module(const syntax::Module& module, std::string filename,
                             std::string source);

// Parses and compiles in one step.
CompileResult compile_source(std::string_view source, std::string filename);

}  // namespace quire::lang
