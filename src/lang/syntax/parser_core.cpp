// Parser infrastructure: token access, error reporting, entry points and the
// rules deciding which of several errors CPython would report.

#include <algorithm>
#include <cstdio>

#include "lang/syntax/checks.h"
#include "lang/syntax/parser_impl.h"
#include "lang/syntax/unicode_chars.h"

namespace quire::lang::syntax {

Parser::Parser(const TokenStream& stream, Arena& arena, const ParseLimits& limits)
    : stream_(stream), arena_(arena), limits_(limits) {
  max_depth_ = std::max(16, limits.max_nesting_depth * 4);
}

namespace {
std::string too_deep_message(int limit) {
  return "too deeply nested: the expression or block exceeds the parser's nesting limit (" +
         std::to_string(limit) + ")";
}
}  // namespace

DepthGuard::DepthGuard(Parser& p) : parser(p) {
  if (++parser.depth_ > parser.max_depth_) {
    --parser.depth_;
    parser.fail_at(parser.peek(), too_deep_message(parser.max_depth_));
  }
}

void ChainDepth::step() {
  if (++parser.depth_ > parser.max_depth_) {
    --parser.depth_;
    parser.fail_at(parser.peek(), too_deep_message(parser.max_depth_));
  }
  ++added;
}

ChainDepth::~ChainDepth() {
  parser.depth_ -= added;
}

const Token& Parser::peek(int ahead) {
  std::size_t i = pos_ + static_cast<std::size_t>(ahead);
  if (i >= stream_.tokens.size()) {
    // Past the last good token: the tokenizer's error is what the parser hits.
    ParseFailure failure;
    failure.from_tokens = true;
    if (stream_.error)
      failure.error = stream_.error->error;
    else
      failure.error.message = "unexpected EOF while parsing";
    throw failure;
  }
  // The furthest token read outside speculative error rules: where CPython's
  // first pass failed, hence where it reports a plain "invalid syntax".
  if (i > furthest_ && checks_enabled_) furthest_ = i;
  return stream_.tokens[i];
}

const Token& Parser::advance() {
  const Token& t = peek();
  ++pos_;
  return t;
}

bool Parser::accept_op(Op op) {
  if (at_op(op)) {
    advance();
    return true;
  }
  return false;
}

bool Parser::accept_kw(KeywordKind kw) {
  if (at_kw(kw)) {
    advance();
    return true;
  }
  return false;
}

const Token& Parser::expect_op(Op op) {
  if (!at_op(op)) fail_generic();
  return advance();
}

const Token& Parser::expect_kw(KeywordKind kw) {
  if (!at_kw(kw)) fail_generic();
  return advance();
}

const Token& Parser::expect_name() {
  if (!at_name()) fail_generic();
  return advance();
}

void Parser::expect_colon(bool forced) {
  if (!at_op(Op::Colon)) {
    if (forced || at_kind(TokenKind::Newline)) fail_at(peek(), "expected ':'");
    fail_generic();
  }
  advance();
}

int Parser::furthest_line() const {
  if (stream_.tokens.empty()) return 1;
  return stream_.tokens[std::min(furthest_, stream_.tokens.size() - 1)].lineno;
}

bool Parser::starts_expression(int ahead) {
  const Token& t = peek(ahead);
  switch (t.kind) {
    case TokenKind::Number:
    case TokenKind::String:
      return true;
    case TokenKind::Name:
      return t.keyword == KeywordKind::None || t.keyword == KeywordKind::NoneKw ||
             t.keyword == KeywordKind::True || t.keyword == KeywordKind::False ||
             t.keyword == KeywordKind::Not || t.keyword == KeywordKind::Lambda ||
             t.keyword == KeywordKind::Await;
    case TokenKind::Op:
      return t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace || t.op == Op::Minus ||
             t.op == Op::Plus || t.op == Op::Tilde || t.op == Op::Ellipsis;
    default:
      return false;
  }
}

// ------------------------------------------------------------------- errors

void Parser::fail_at(const Token& t, std::string message, const char* type) {
  ParseFailure failure;
  failure.error.type = type;
  failure.error.message = std::move(message);
  failure.error.lineno = t.lineno;
  failure.error.col = t.col;
  failure.error.end_lineno = t.end_lineno;
  failure.error.end_col = t.end_col;
  if (t.kind == TokenKind::EndMarker || t.kind == TokenKind::Dedent) {
    failure.error.raw_end_offset = -1;
  }
  throw failure;
}

void Parser::fail_range(const Located& from, const Located& to, std::string message) {
  ParseFailure failure;
  failure.error.message = std::move(message);
  failure.error.lineno = from.lineno;
  failure.error.col = from.col_offset;
  failure.error.end_lineno = to.end_lineno;
  failure.error.end_col = to.end_col_offset;
  throw failure;
}

void Parser::fail_node(const Located& node, std::string message) {
  fail_range(node, node, std::move(message));
}

void Parser::fail_tokens(const Token& from, const Token& to, std::string message) {
  fail_range(loc_of(from), loc_of(to), std::move(message));
}

void Parser::fail_generic() {
  peek();
  const Token& t = stream_.tokens[std::max(pos_, std::min(furthest_, stream_.tokens.size() - 1))];
  if (t.kind == TokenKind::Indent) fail_indentation(t, "unexpected indent");
  if (t.kind == TokenKind::Dedent && t.lineno > 0 && t.start < stream_.source.size()) {
    fail_indentation(t, "unexpected unindent");
  }
  try {
    fail_at(t, "invalid syntax");
  } catch (ParseFailure& failure) {
    failure.generic = true;
    throw;
  }
}

void Parser::fail_indentation(const Token& t, std::string message) {
  ParseFailure failure;
  // CPython reports an unexpected indent without looking further.
  failure.final = true;
  failure.error.type = "IndentationError";
  failure.error.message = std::move(message);
  failure.error.lineno = failure.error.end_lineno = t.lineno;
  std::string_view line = line_text(stream_, t.lineno);
  failure.error.raw_offset = chars_before(line, t.col);
  failure.error.raw_end_offset = -1;
  throw failure;
}

void Parser::fail_unsupported(const Token& t, std::string what) {
  fail_at(t, what + " not supported by quire");
}

// ---------------------------------------------------------------- entry API

namespace {

SyntaxError to_syntax_error(const LocatedError& e, const TokenStream& stream,
                            const std::string& filename) {
  SyntaxError out;
  out.type = e.type;
  out.message = e.message;
  out.filename = filename;
  out.lineno = e.lineno;
  out.end_lineno = e.end_lineno;
  std::string_view line = line_text(stream, e.lineno);
  out.text = std::string(line);
  out.offset = e.raw_offset ? *e.raw_offset : chars_before(line, e.col) + 1;
  // CPython 3.11 converts the start of a parser error to code points but
  // leaves its end in bytes; tokenizer errors give both ends explicitly.
  out.end_offset = e.raw_end_offset ? *e.raw_end_offset : e.end_col + 1;
  return out;
}

// Normalizes newlines (\r\n and \r become \n) so that the tokenizer and the
// values of multi-line strings see one convention, as CPython does.
std::string_view normalize_newlines(std::string_view source, std::string& storage) {
  if (source.find('\r') == std::string_view::npos) return source;
  storage.reserve(source.size());
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r') {
      storage += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      storage += source[i];
    }
  }
  return storage;
}

std::optional<SyntaxError> check_source(std::string_view source, const std::string& filename,
                                        const ParseLimits& limits) {
  auto error_at_line = [&](std::string message, std::size_t byte) {
    SyntaxError e;
    e.message = std::move(message);
    e.filename = filename;
    e.lineno = 1 + static_cast<int>(std::count(source.begin(), source.begin() + byte, '\n'));
    e.end_lineno = e.lineno;
    e.offset = 0;
    return e;
  };
  if (source.size() > limits.max_source_bytes) {
    SyntaxError e =
        error_at_line("source too large (" + std::to_string(source.size()) +
                          " bytes; the limit is " + std::to_string(limits.max_source_bytes) + ")",
                      0);
    e.lineno = e.end_lineno = 0;
    return e;
  }
  if (std::size_t nul = source.find('\0'); nul != std::string_view::npos) {
    return error_at_line("source code cannot contain null bytes", nul);
  }
  if (std::size_t bad = find_invalid_utf8(source); bad != std::string_view::npos) {
    char message[160];
    std::snprintf(message, sizeof message,
                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: "
                  "invalid start byte",
                  static_cast<unsigned char>(source[bad]), bad);
    return error_at_line(message, bad);
  }
  return std::nullopt;
}

enum class Mode { File, Eval };

ParseResult run_parser(std::string_view source, std::string filename, const ParseLimits& limits,
                       Mode mode) {
  ParseResult result;
  result.arena = std::make_unique<Arena>();
  if (source.size() >= 3 && source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  if (auto error = check_source(source, filename, limits)) {
    result.error = std::move(error);
    return result;
  }
  std::string normalized;
  source = normalize_newlines(source, normalized);
  TokenStream stream = tokenize(source, limits.max_nesting_depth, limits.max_nesting_depth / 2);
  Parser parser(stream, *result.arena, limits);
  std::optional<LocatedError> error;
  try {
    if (mode == Mode::File) {
      result.module = parser.file();
    } else {
      result.expression = parser.eval_input();
    }
  } catch (ParseFailure& failure) {
    error = std::move(failure.error);
    if (!failure.from_tokens && !failure.final && stream.error) {
      // CPython tokenizes the rest of the file after a parse error: errors the
      // tokenizer raises directly win, and an unclosed bracket wins when it
      // was opened before the line of the parse error.
      const TokenizerError& later = *stream.error;
      if (later.kind == TokenizerError::Kind::Direct) {
        error = later.error;
      } else if (later.kind == TokenizerError::Kind::EofInBrackets &&
                 later.open_bracket_lineno < parser.furthest_line()) {
        error = later.error;
      }
    }
  }
  if (!error && result.module && limits.run_compile_checks) {
    error = check_module(*result.module);
  }
  if (error) {
    result.module = nullptr;
    result.expression = nullptr;
    result.error = to_syntax_error(*error, stream, filename);
  }
  return result;
}

}  // namespace

ParseResult parse_module(std::string_view source, std::string filename, const ParseLimits& limits) {
  return run_parser(source, std::move(filename), limits, Mode::File);
}

ParseResult parse_expression(std::string_view source, std::string filename,
                             const ParseLimits& limits) {
  return run_parser(source, std::move(filename), limits, Mode::Eval);
}

}  // namespace quire::lang::syntax
