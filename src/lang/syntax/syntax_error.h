#pragma once
// A syntax error as CPython reports it: type, message, position and the
// offending source line, plus the exact text CPython prints for it.

#include <string>

namespace quire::lang::syntax {

struct SyntaxError {
  // "SyntaxError", "IndentationError" or "TabError" (CPython's exception class).
  std::string type = "SyntaxError";
  std::string message;
  std::string filename;
  int lineno = 0;      // 1-based
  int offset = 0;      // 1-based, in code points (like SyntaxError.offset); 0 if unknown
  int end_lineno = 0;  // 0 if unknown
  int end_offset = 0;  // 1-based, exclusive, in code points; 0 if unknown
  std::string text;    // the source line (without its newline); may be empty
};

// What CPython prints for an uncaught SyntaxError, without the "Traceback"
// header (syntax errors have none when raised at compile time):
//     File "t.py", line 3
//       x = (1 +
//           ^
//   SyntaxError: '(' was never closed
// Ends with a newline.
std::string format_syntax_error(const SyntaxError& error);

}  // namespace quire::lang::syntax
