#include "db/query/field_expr.h"

#include <algorithm>
#include <cctype>

#include "db/query/identifiers.h"
#include "db/query/query_error.h"

namespace quire::db::query {
namespace {

enum class TokenKind { Word, Quoted, Dot, Open, Close, Star, End };

struct Token {
  TokenKind kind;
  std::string text;
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

[[noreturn]] void illegal(std::string_view) {
  throw QueryError("DataError", "Illegal SQL Query");
}

[[noreturn]] void restricted() {
  throw QueryError("DataError", "Use of sub-query or function is restricted");
}

// Comments, statement separators and string literals have no place in a field
// list; refusing them outright gives the clearest error.
void refuse_sql_tricks(std::string_view text) {
  std::string l = lower(text);
  if (l.find("/*") != std::string::npos || l.find("--") != std::string::npos ||
      l.find(';') != std::string::npos || l.find('#') != std::string::npos ||
      l.find(" union ") != std::string::npos) {
    illegal(text);
  }
}

std::vector<Token> tokenize(std::string_view text) {
  refuse_sql_tricks(text);
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '.') {
      tokens.push_back({TokenKind::Dot, "."});
      ++i;
    } else if (c == '(') {
      tokens.push_back({TokenKind::Open, "("});
      ++i;
    } else if (c == ')') {
      tokens.push_back({TokenKind::Close, ")"});
      ++i;
    } else if (c == '*') {
      tokens.push_back({TokenKind::Star, "*"});
      ++i;
    } else if (c == '`') {
      size_t end = text.find('`', i + 1);
      if (end == std::string_view::npos) illegal(text);
      tokens.push_back({TokenKind::Quoted, std::string(text.substr(i + 1, end - i - 1))});
      i = end + 1;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = i;
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) {
        ++i;
      }
      tokens.push_back({TokenKind::Word, std::string(text.substr(start, i - start))});
    } else {
      // Quotes, operators, @variables, commas inside an item: not a plain field.
      restricted();
    }
  }
  tokens.push_back({TokenKind::End, ""});
  return tokens;
}

bool is_aggregate(const std::string& word) {
  static const char* const names[] = {"count", "sum", "avg", "min", "max"};
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return word == n; });
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  const Token& peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  Token next() { return tokens_[std::min(pos_++, tokens_.size() - 1)]; }
  bool at_end() const { return peek().kind == TokenKind::End; }

  // A name part: a bare word or a backticked name.
  std::string name_part() {
    Token t = next();
    if (t.kind == TokenKind::Word) return t.text;
    if (t.kind == TokenKind::Quoted) {
      if (t.text.find_first_of("'\"\\;") != std::string::npos) restricted();
      return t.text;
    }
    restricted();
  }

  ColumnRef column_ref() {
    ColumnRef ref;
    if (peek().kind == TokenKind::Star) {
      next();
      ref.field.assign(1, '*');  // not `= "*"`: GCC 12 -Wrestrict false positive
      return ref;
    }
    std::string first = name_part();
    if (peek().kind == TokenKind::Dot) {
      next();
      ref.qualifier = first;
      if (peek().kind == TokenKind::Star) {
        next();
        ref.field.assign(1, '*');  // not `= "*"`: GCC 12 -Wrestrict false positive
      } else {
        ref.field = name_part();
      }
    } else {
      ref.field = first;
    }
    if (ref.field != "*") require_fieldname(ref.field);
    return ref;
  }

  FieldExpr expr() {
    FieldExpr e;
    if (peek().kind == TokenKind::Word && peek(1).kind == TokenKind::Open) {
      std::string fn = lower(next().text);
      if (!is_aggregate(fn)) {
        throw QueryError("DataError", "Use of function " + fn + " in field is restricted");
      }
      next();  // (
      e.kind = FieldExpr::Kind::Aggregate;
      e.function = fn;
      if (peek().kind == TokenKind::Word && lower(peek().text) == "distinct") {
        next();
        e.distinct = true;
      }
      if (peek().kind == TokenKind::Open) restricted();  // nested calls, subqueries
      e.column = column_ref();
      if (next().kind != TokenKind::Close) restricted();
      if (e.column.field == "*" && (fn != "count" || e.distinct || !e.column.qualifier.empty())) {
        restricted();
      }
      return e;
    }
    if (peek().kind == TokenKind::Open) restricted();
    e.column = column_ref();
    e.kind = e.column.field == "*" ? FieldExpr::Kind::Star : FieldExpr::Kind::Column;
    return e;
  }

 private:
  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<std::string> split_top_level(std::string_view text, char separator) {
  std::vector<std::string> parts;
  int depth = 0;
  bool in_quote = false;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : separator;
    if (i < text.size() && c == '`') in_quote = !in_quote;
    if (in_quote && i < text.size()) continue;  // an unclosed quote still ends the last piece
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if ((c == separator && depth <= 0) || i == text.size()) {
      auto piece = trim(text.substr(start, i - start));
      if (!piece.empty()) parts.emplace_back(piece);
      start = i + 1;
    }
  }
  return parts;
}

FieldExpr parse_field(std::string_view raw) {
  std::string_view text = trim(raw);
  if (text.empty()) throw QueryError("DataError", "Invalid field name " + std::string(raw));
  Parser p(tokenize(text));
  FieldExpr e = p.expr();
  if (!p.at_end()) {
    if (p.peek().kind == TokenKind::Word && lower(p.peek().text) == "as") p.next();
    e.alias = p.name_part();
    require_fieldname(e.alias);
    if (!p.at_end()) restricted();
  }
  if (e.kind == FieldExpr::Kind::Star && !e.alias.empty()) restricted();
  e.text = std::string(text);
  return e;
}

FieldExpr parse_order_item(std::string_view raw) {
  std::string_view text = trim(raw);
  if (text.empty()) illegal(raw);
  Parser p(tokenize(text));
  FieldExpr e = p.expr();
  if (e.kind == FieldExpr::Kind::Star) illegal(raw);
  if (!p.at_end()) {
    Token t = p.next();
    std::string dir = t.kind == TokenKind::Word ? lower(t.text) : "";
    if (dir != "asc" && dir != "desc") illegal(raw);
    e.descending = dir == "desc";
    e.has_direction = true;
    if (!p.at_end()) illegal(raw);
  }
  e.text = std::string(text);
  return e;
}

FieldExpr parse_group_item(std::string_view raw) {
  FieldExpr e = parse_order_item(raw);
  if (e.kind != FieldExpr::Kind::Column || e.has_direction) illegal(raw);
  return e;
}

}  // namespace quire::db::query
