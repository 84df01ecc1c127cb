// String literals: implicit concatenation, escapes, bytes, and f-strings
// parsed the way CPython 3.11 does (Parser/string_parser.c): the replacement
// fields are found by scanning, then each expression is parsed from
// "(" + text + ")" by a nested parser.

#include "lang/syntax/literals.h"
#include "lang/syntax/parser_impl.h"

namespace quire::lang::syntax {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

void Parser::flush_literal(ExprList& parts, std::string& literal, bool force) {
  if (literal.empty() && !force) return;
  auto* c = make_at<Constant>(strings_span_);
  c->value_kind = ConstantKind::Str;
  c->text = std::move(literal);
  end_at(c, &strings_span_);
  parts.push_back(c);
  literal.clear();
}

Expr* Parser::strings() {
  const Token& first = peek();
  std::vector<const Token*> tokens;
  while (at_kind(TokenKind::String)) tokens.push_back(&advance());
  const Token& last = *tokens.back();

  bool any_bytes = false;
  bool any_text = false;
  bool any_fstring = false;
  for (const Token* t : tokens) {
    std::string_view body;
    StringPrefix prefix = parse_string_prefix(text(*t), body);
    (prefix.bytes ? any_bytes : any_text) = true;
    any_fstring |= prefix.fstring;
  }
  if (any_bytes && any_text) fail_at(peek(), "cannot mix bytes and nonbytes literals");

  Located span{first.lineno, first.col, last.end_lineno, last.end_col};
  if (!any_fstring) {
    std::string value;
    bool u_prefix = false;
    for (const Token* t : tokens) {
      std::string_view body;
      StringPrefix prefix = parse_string_prefix(text(*t), body);
      // CPython sets kind only for a lowercase u prefix on the first token.
      if (t == tokens.front()) u_prefix = text(*t).front() == 'u';
      if (prefix.bytes) {
        for (char ch : body) {
          if (static_cast<unsigned char>(ch) >= 0x80) {
            fail_at(*t, "bytes can only contain ASCII literal characters");
          }
        }
      }
      if (prefix.raw) {
        value.append(body);
      } else {
        std::string decoded;
        std::string error;
        if (!decode_escapes(body, prefix.bytes, decoded, error)) fail_at(peek(), error);
        value += decoded;
      }
    }
    auto* c = make<Constant>(first);
    c->value_kind = any_bytes ? ConstantKind::Bytes : ConstantKind::Str;
    c->text = std::move(value);
    c->u_prefix = u_prefix;
    end_at(c, &span);
    return c;
  }

  Located saved_span = strings_span_;
  strings_span_ = span;
  auto* joined = make<JoinedStr>(first);
  std::string literal;
  for (const Token* t : tokens) {
    std::string_view body;
    StringPrefix prefix = parse_string_prefix(text(*t), body);
    std::size_t body_offset = t->start + static_cast<std::size_t>(prefix.prefix_length) +
                              static_cast<std::size_t>(prefix.quote_length);
    if (!prefix.fstring) {
      if (prefix.raw) {
        literal.append(body);
      } else {
        std::string decoded;
        std::string error;
        if (!decode_escapes(body, false, decoded, error)) fail_at(peek(), error);
        literal += decoded;
      }
      continue;
    }
    std::size_t i = 0;
    fstring_body(body, body_offset, *t, prefix.raw, 0, joined->values, literal, i, false);
  }
  flush_literal(joined->values, literal, false);
  end_at(joined, &span);
  strings_span_ = saved_span;
  return joined;
}

// Scans an f-string body (or a format spec when `in_spec`), appending literal
// text to `literal` and FormattedValue nodes to `parts`. On return `i` is at
// the end of the body, or at the '}' closing a format spec.
void Parser::fstring_body(std::string_view body, std::size_t body_offset, const Token& token,
                          bool raw, int depth, ExprList& parts, std::string& literal,
                          std::size_t& i, bool in_spec) {
  const std::size_t end = body.size();
  for (;;) {
    // ---- literal text
    std::size_t literal_start = i;
    std::string segment;
    while (i < end) {
      char ch = body[i++];
      if (!raw && ch == '\\' && i < end) {
        ch = body[i++];
        if (ch == 'N') {
          if (i < end && body[i++] == '{') {
            while (i < end && body[i++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (!in_spec) {
          if (i < end && body[i] == ch) {
            // A doubled brace is one literal brace.
            segment.append(body.substr(literal_start, i - literal_start));
            ++i;
            literal_start = i;
            continue;
          }
          if (ch == '}') fail_at(peek(), "f-string: single '}' is not allowed");
        }
        --i;
        break;
      }
    }
    segment.append(body.substr(literal_start, i - literal_start));
    if (!segment.empty()) {
      if (raw) {
        literal += segment;
      } else {
        std::string decoded;
        std::string error;
        if (!decode_escapes(segment, false, decoded, error)) fail_at(peek(), error);
        literal += decoded;
      }
    }
    if (i >= end) {
      if (in_spec) fail_at(peek(), "f-string: expecting '}'");
      return;
    }
    if (body[i] == '}') {
      // Only reachable in a format spec: its end.
      return;
    }

    // ---- a replacement field: body[i] == '{'
    if (depth >= 2) fail_at(peek(), "f-string: expressions nested too deeply");
    ++i;
    const std::size_t expr_start = i;
    char quote = 0;
    int string_type = 0;
    std::vector<char> brackets;
    for (; i < end; ++i) {
      char ch = body[i];
      if (ch == '\\') fail_at(peek(), "f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (string_type == 3) {
            if (i + 2 < end && body[i + 1] == ch && body[i + 2] == ch) {
              i += 2;
              quote = 0;
              string_type = 0;
            }
          } else {
            quote = 0;
            string_type = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (i + 2 < end && body[i + 1] == ch && body[i + 2] == ch) {
          string_type = 3;
          i += 2;
        } else {
          string_type = 1;
        }
        quote = ch;
        continue;
      }
      if (ch == '[' || ch == '(' || ch == '{') {
        if (brackets.size() >= 200) fail_at(peek(), "f-string: too many nested parenthesis");
        brackets.push_back(ch);
        continue;
      }
      if (ch == '#') fail_at(peek(), "f-string expression part cannot include '#'");
      if (brackets.empty() &&
          (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (i + 1 < end) {
          char next = body[i + 1];
          if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
              (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
            ++i;
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      }
      if (ch == ']' || ch == ')' || ch == '}') {
        if (brackets.empty()) {
          fail_at(peek(), std::string("f-string: unmatched '") + ch + "'");
        }
        char opening = brackets.back();
        brackets.pop_back();
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
              (opening == '{' && ch == '}'))) {
          fail_at(peek(), std::string("f-string: closing parenthesis '") + ch +
                              "' does not match opening parenthesis '" + opening + "'");
        }
      }
    }
    const std::size_t expr_end = i;
    if (quote) fail_at(peek(), "f-string: unterminated string");
    if (!brackets.empty()) {
      fail_at(peek(), std::string("f-string: unmatched '") + brackets.back() + "'");
    }
    if (i >= end) fail_at(peek(), "f-string: expecting '}'");

    std::string_view expr_text = body.substr(expr_start, expr_end - expr_start);
    if (body[i] != '}' && expr_text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) {
      fail_at(peek(), std::string("f-string: expression required before '") + body[i] + "'");
    }
    Expr* value = fstring_expression(expr_text, body_offset + expr_start, token);

    auto* field = make_at<FormattedValue>(strings_span_);
    field->value = value;
    bool debug = false;
    if (body[i] == '=') {
      ++i;
      while (i < end && is_space(body[i])) ++i;
      if (i >= end) fail_at(peek(), "f-string: expecting '}'");
      literal.append(body.substr(expr_start, i - expr_start));
      debug = true;
    }
    if (body[i] == '!') {
      ++i;
      if (i >= end) fail_at(peek(), "f-string: expecting '}'");
      char conversion = body[i++];
      if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
        fail_at(peek(), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      field->conversion = conversion;
    }
    if (i < end && body[i] == ':') {
      ++i;
      if (i >= end) fail_at(peek(), "f-string: expecting '}'");
      auto* spec = make<JoinedStr>(token);
      std::string spec_literal;
      fstring_body(body, body_offset, token, raw, depth + 1, spec->values, spec_literal, i, true);
      flush_literal(spec->values, spec_literal, false);
      spec->end_lineno = token.end_lineno;
      spec->end_col_offset = token.end_col;
      field->format_spec = spec;
    }
    if (i >= end || body[i] != '}') fail_at(peek(), "f-string: expecting '}'");
    ++i;
    if (debug && field->format_spec == nullptr && field->conversion == -1) field->conversion = 'r';
    end_at(field, &strings_span_);
    flush_literal(parts, literal, false);
    parts.push_back(field);
  }
}

// Parses one replacement-field expression. Its text is a verbatim slice of
// the source (backslashes are not allowed in it), so its tokens are shifted
// to their real positions.
Expr* Parser::fstring_expression(std::string_view expr_text, std::size_t source_offset,
                                 const Token& token) {
  bool blank = true;
  for (char c : expr_text) blank &= is_space(c);
  if (blank) fail_at(peek(), "f-string: empty expression not allowed");

  // Where the expression starts in the source, anchored on the token's own
  // position (tokens of nested f-string parsers are already shifted).
  int line = token.lineno;
  int col = token.col + static_cast<int>(source_offset - token.start);
  for (std::size_t k = token.start; k < source_offset; ++k) {
    if (stream_.source[k] == '\n') {
      ++line;
      col = static_cast<int>(source_offset - k - 1);
    }
  }

  std::string wrapped;
  wrapped.reserve(expr_text.size() + 2);
  wrapped += '(';
  wrapped += expr_text;
  wrapped += ')';
  TokenStream sub = tokenize(wrapped, limits_.max_nesting_depth, limits_.max_nesting_depth / 2);
  for (Token& t : sub.tokens) {
    if (t.lineno == 1) t.col += col - 1;
    if (t.end_lineno == 1) t.end_col += col - 1;
    t.lineno += line - 1;
    t.end_lineno += line - 1;
  }
  Parser nested(sub, arena_, limits_);
  nested.in_fstring = true;
  nested.depth_ = depth_;
  try {
    Expr* e = nested.star_expressions();
    while (nested.at_kind(TokenKind::Newline)) nested.advance();
    if (!nested.at_kind(TokenKind::EndMarker)) nested.fail_generic();
    for (const Expr* p : nested.parenthesized_) parenthesized_.insert(p);
    return e;
  } catch (ParseFailure& failure) {
    failure.from_tokens = false;
    failure.generic = false;
    if (failure.error.message.rfind("f-string", 0) != 0) {
      failure.error.message = "f-string: " + failure.error.message;
    }
    if (failure.error.lineno < token.lineno) failure.error.lineno = token.lineno;
    throw;
  }
}

}  // namespace quire::lang::syntax
