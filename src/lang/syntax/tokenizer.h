#pragma once
// The tokenizer: UTF-8 source to tokens, following CPython 3.11's tokenizer
// (Parser/tokenizer.c) for indentation, line joining, literal shapes and its
// error messages and positions. The whole source is tokenized up front; the
// parser then decides which error wins (see parser.cpp), as CPython does.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lang/syntax/token.h"

namespace quire::lang::syntax {

// An error located by byte columns; converted to code-point offsets (as
// CPython's SyntaxError reports them) only when it is finally raised.
struct LocatedError {
  std::string type = "SyntaxError";
  std::string message;
  int lineno = 0;
  int col = 0;  // 0-based byte column; the reported offset is chars(col) + 1
  int end_lineno = 0;
  int end_col = 0;  // 0-based byte column, exclusive; the reported end is chars(end_col) + 1
  // CPython reports some errors with an end offset of 0 or -1 ("unknown");
  // when set, this value is reported as is instead of end_col.
  std::optional<int> raw_end_offset;
  // Some errors report an offset that is not chars(col) + 1 (for instance the
  // unindent error reports the line length); when set it is used as is.
  std::optional<int> raw_offset;
};

struct TokenizerError {
  // How the parser must treat the error (CPython distinguishes errors raised
  // directly by the tokenizer from its error codes).
  enum class Kind : std::uint8_t {
    Direct,         // reported as is, and overrides later generic parse errors
    EofInBrackets,  // "'(' was never closed" (only reported if reached or earlier)
    Other           // indentation / continuation errors: reported only when reached
  };
  Kind kind = Kind::Direct;
  LocatedError error;
  int open_bracket_lineno = 0;  // for EofInBrackets
};

struct TokenStream {
  std::vector<Token> tokens;               // tokens before any error
  std::optional<TokenizerError> error;     // stops the stream
  std::vector<std::uint32_t> line_starts;  // byte offset of each line (index 0 = line 1)
  std::string_view source;
};

// `max_level` bounds bracket nesting ("too many nested parentheses");
// `max_indent` bounds indentation depth ("too many levels of indentation").
TokenStream tokenize(std::string_view source, int max_level, int max_indent);

// The text of a source line (1-based), without its line terminator.
std::string_view line_text(const TokenStream& stream, int lineno);

// Number of code points in the first `byte_col` bytes of the line.
int chars_before(std::string_view line, int byte_col);

}  // namespace quire::lang::syntax
