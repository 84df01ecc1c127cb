// CPython 3.11's marker line under a traceback entry (Python/traceback.c,
// tb_displayline and extract_anchors_from_line), reproduced rule for rule:
//
// - columns come from the failing instruction's position; a position spanning
//   several lines is marked up to the last non-blank character of its first;
// - the segment between the columns is parsed alone: a binary operation marks
//   its operator with `^` and the rest with `~`, a subscript marks `[...]`
//   with `^` and the value with `~`; anything else is all `^`;
// - no line at all when plain `^` would cover the whole stripped line
//   (trailing blanks and comments count as part of the line, as in CPython).
//
// Offsets in the AST are UTF-8 bytes; the marker is laid out in code points.

#include "lang/object/traceback_marker.h"

#include "lang/syntax/parser.h"

namespace quire::lang {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\f';
}

// Code points in the first `bytes` bytes of `text` (CPython's
// _PyPegen_byte_offset_to_character_offset).
long chars_before(std::string_view text, long bytes) {
  if (bytes > static_cast<long>(text.size())) bytes = static_cast<long>(text.size());
  long count = 0;
  for (long i = 0; i < bytes; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  return count;
}

struct Anchors {
  long left = -1;   // first column marked with `secondary` (bytes in the segment)
  long right = -1;  // one past the last
};

// The anchors of the segment's only expression statement (BinOp, Subscript).
bool find_anchors(std::string_view segment, Anchors& out) {
  syntax::ParseLimits limits;
  limits.run_compile_checks = false;
  syntax::ParseResult parsed = syntax::parse_module(segment, "<segment>", limits);
  if (!parsed.ok() || parsed.module->body.size() != 1) return false;
  auto* statement = parsed.module->body[0]->as<syntax::ExprStmt>();
  if (!statement) return false;
  syntax::Expr* e = statement->value;
  if (auto* b = e->as<syntax::BinOp>()) {
    for (long i = b->left->end_col_offset; i < b->right->col_offset; ++i) {
      if (is_blank(segment[i])) continue;
      out.left = i;
      out.right = i + 1;
      if (i + 1 < b->right->col_offset && !is_blank(segment[i + 1])) ++out.right;
      // A closing parenthesis of the left operand is not the operator (3.11.7).
      if (i + 1 < b->right->col_offset && segment[i] == ')') continue;
      break;
    }
    return true;
  }
  if (auto* s = e->as<syntax::Subscript>()) {
    // From the value's end to its `[`, and from the slice's end past its `]`.
    long size = static_cast<long>(segment.size());
    out.left = s->value->end_col_offset;
    out.right = s->slice->end_col_offset + 1;
    while (out.left < size && segment[out.left] != '[') ++out.left;
    while (out.right < size && segment[out.right] != ']') ++out.right;
    if (out.right < size) ++out.right;
    return true;
  }
  return false;
}

}  // namespace

std::string traceback_marker_line(std::string_view line, const Position& at) {
  if (at.line <= 0 || at.end_line <= 0 || at.col < 0 || at.end_col < 0) return "";
  if (at.col > static_cast<int>(line.size())) return "";
  long start = chars_before(line, at.col);
  long end = chars_before(line, at.end_col);
  long left = -1, right = -1;
  char primary = '^', secondary = '^';
  if (at.line == at.end_line) {
    Anchors anchors;
    std::string_view segment =
        at.end_col > at.col ? line.substr(at.col, at.end_col - at.col) : std::string_view();
    if (find_anchors(segment, anchors) && anchors.left >= 0) {
      left = chars_before(segment, anchors.left) + start;
      right = chars_before(segment, anchors.right) + start;
      primary = '~';
    }
  } else {
    long last = static_cast<long>(line.size());
    while (--last >= 0 && is_blank(line[last])) {
    }
    end = chars_before(line, last + 1);
  }
  long indent = 0;
  while (indent < static_cast<long>(line.size()) && is_blank(line[indent])) ++indent;
  long stripped_length = chars_before(line, static_cast<long>(line.size())) - indent;
  bool secondary_ranges = left != -1 || right != -1;
  if (end - start == stripped_length && !secondary_ranges) return "";
  std::string out;
  for (long offset = indent - 4; ++offset <= end;) {
    if (offset <= start) {
      out += ' ';
    } else if (secondary_ranges && left < offset && offset <= right) {
      out += secondary;
    } else {
      out += primary;
    }
  }
  out += '\n';
  return out;
}

}  // namespace quire::lang
