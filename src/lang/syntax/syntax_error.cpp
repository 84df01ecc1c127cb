#include "lang/syntax/syntax_error.h"

namespace quire::lang::syntax {

namespace {
int count_chars(std::string_view text) {
  int n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}
}  // namespace

// Mirrors print_error_text() in CPython 3.11's Python/pythonrun.c.
std::string format_syntax_error(const SyntaxError& error) {
  std::string out =
      "  File \"" + error.filename + "\", line " + std::to_string(error.lineno) + "\n";
  if (error.lineno > 0) {
    std::string_view text = error.text;
    int offset = error.offset;
    // parse_syntax_error() reads the end position of an exact SyntaxError
    // only: an IndentationError or TabError gets a single caret.
    const bool exact = error.type == "SyntaxError";
    int end_offset = exact ? error.end_offset : -1;
    if (exact && error.end_lineno > error.lineno) end_offset = count_chars(text) + 1;
    int carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset -= 1;
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\f')) {
      text.remove_prefix(1);
      offset -= 1;
    }
    const int length = count_chars(text);
    if (offset > length) offset = length;
    out += "    ";
    out += text;
    out += '\n';
    if (offset >= 0) {
      out += "    ";
      out.append(static_cast<std::size_t>(offset), ' ');
      out.append(static_cast<std::size_t>(carets), '^');
      out += '\n';
    }
  }
  out += error.type + ": " + error.message + "\n";
  return out;
}

}  // namespace quire::lang::syntax
