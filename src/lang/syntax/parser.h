#pragma once
// The parse API: source text in, AST (ast.h) or a SyntaxError out. Never
// throws for bad input and never overflows the stack: nesting is bounded by
// ParseLimits.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lang/syntax/arena.h"
#include "lang/syntax/ast.h"
#include "lang/syntax/syntax_error.h"

namespace quire::lang::syntax {

struct ParseLimits {
  // Larger sources are refused before tokenizing.
  std::size_t max_source_bytes = 8 * 1024 * 1024;
  // Bound on nested brackets, blocks and expression recursion together. Deeper
  // input fails with "too many nested parentheses" (brackets) or "too many
  // levels of nesting" style SyntaxErrors instead of exhausting the stack.
  int max_nesting_depth = 200;
  // Also run the purely syntactic checks CPython makes after parsing (in its
  // symtable and compiler): 'return' outside function, 'break' outside loop,
  // duplicate parameters, repeated keywords... (see checks.h). Off gives
  // exactly what CPython's ast.parse accepts.
  bool run_compile_checks = true;
};

// The result owns the arena holding every node. Exactly one of `module`
// (parse_module), `expression` (parse_expression) or `error` is set.
struct ParseResult {
  std::unique_ptr<Arena> arena;
  Module* module = nullptr;
  Expr* expression = nullptr;
  std::optional<SyntaxError> error;

  bool ok() const { return !error.has_value(); }
};

// Parses a whole file (CPython's 'exec' mode). `filename` is only used in
// errors. The source must be UTF-8 (an optional BOM is skipped).
ParseResult parse_module(std::string_view source, std::string filename,
                         const ParseLimits& limits = {});

// Parses a single expression (CPython's 'eval' mode): leading/trailing
// whitespace and newlines are allowed, nothing else.
ParseResult parse_expression(std::string_view source, std::string filename,
                             const ParseLimits& limits = {});

}  // namespace quire::lang::syntax
