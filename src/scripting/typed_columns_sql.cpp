#include "scripting/typed_columns_sql.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace quire::scripting {

namespace {

struct Token {
  enum class Kind { Word, Quoted, String, Number, Param, Punct } kind;
  std::string text;  // a Word in lower case; a Quoted identifier without its quotes
  int depth;         // parentheses around the token (a pair has its outside's depth)
  std::string name;  // as written (a table or column name keeps its case)
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The statement as tokens; comments dropped. Odd text (an unclosed quote)
// ends the list where it starts: what came before is still read.
std::vector<Token> tokenize(std::string_view sql) {
  std::vector<Token> out;
  int depth = 0;
  std::size_t i = 0;
  auto closing = [&](char open) { return open == '[' ? ']' : open; };
  while (i < sql.size()) {
    char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (sql.compare(i, 2, "--") == 0) {
      i = sql.find('\n', i);
      if (i == std::string_view::npos) break;
    } else if (sql.compare(i, 2, "/*") == 0) {
      i = sql.find("*/", i + 2);
      if (i == std::string_view::npos) break;
      i += 2;
    } else if (c == '\'' || c == '`' || c == '"' || c == '[') {
      std::string text;
      std::size_t j = i + 1;
      const char end = closing(c);
      bool closed = false;
      while (j < sql.size()) {
        if (sql[j] == end) {
          if (end != ']' && j + 1 < sql.size() && sql[j + 1] == end) {  // doubled: one quote
            text += end;
            j += 2;
            continue;
          }
          closed = true;
          break;
        }
        text += sql[j++];
      }
      if (!closed) break;
      out.push_back({c == '\'' ? Token::Kind::String : Token::Kind::Quoted, text, depth, text});
      i = j + 1;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < sql.size() &&
                std::isdigit(static_cast<unsigned char>(sql[i + 1])))) {
      std::size_t j = i;
      while (j < sql.size() && (word_char(sql[j]) || sql[j] == '.')) ++j;
      out.push_back({Token::Kind::Number, std::string(sql.substr(i, j - i)), depth, {}});
      i = j;
    } else if (word_char(c)) {
      std::size_t j = i;
      while (j < sql.size() && word_char(sql[j])) ++j;
      out.push_back({Token::Kind::Word, lower(sql.substr(i, j - i)), depth,
                     std::string(sql.substr(i, j - i))});
      i = j;
    } else if (c == '?') {
      out.push_back({Token::Kind::Param, "?", depth, {}});
      ++i;
    } else {
      if (c == ')') --depth;
      out.push_back({Token::Kind::Punct, std::string(1, c), depth, {}});
      if (c == '(') ++depth;
      ++i;
    }
  }
  return out;
}

using Tokens = std::vector<Token>;

bool is_word(const Token& t, std::string_view w) {
  return t.kind == Token::Kind::Word && t.text == w;
}
bool is_punct(const Token& t, char c) {
  return t.kind == Token::Kind::Punct && t.text.size() == 1 && t.text[0] == c;
}
bool is_name(const Token& t) {
  return t.kind == Token::Kind::Word || t.kind == Token::Kind::Quoted;
}

// Words that end a select list or a FROM clause.
bool ends_clause(const Token& t) {
  static const std::set<std::string, std::less<>> words{
      "where", "group", "order", "limit", "having", "union", "except", "intersect", "window"};
  return t.kind == Token::Kind::Word && words.count(t.text) > 0;
}

// Words after a table name that are not its alias.
bool table_keyword(const Token& t) {
  static const std::set<std::string, std::less<>> words{
      "on",    "using", "join",    "left",    "right", "inner", "outer",
      "cross", "full",  "natural", "indexed", "not",   "as"};
  return t.kind == Token::Kind::Word && (words.count(t.text) > 0 || ends_clause(t));
}

struct TableRef {
  std::string alias, table;  // table "" for a subquery
};

// Index of the ')' that closes the '(' at `open`, or tokens.size().
std::size_t matching_paren(const Tokens& tokens, std::size_t open) {
  for (std::size_t i = open + 1; i < tokens.size(); ++i) {
    if (is_punct(tokens[i], ')') && tokens[i].depth == tokens[open].depth) return i;
  }
  return tokens.size();
}

class SelectReader {
 public:
  SelectReader(const Tokens& tokens, const FieldTypeLookup& lookup)
      : tokens_(tokens), lookup_(lookup) {}

  std::vector<std::string> column_types() {
    std::size_t select = tokens_.size();
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (is_word(tokens_[i], "select") &&
          (select == tokens_.size() || tokens_[i].depth < tokens_[select].depth))
        select = i;
    }
    if (select == tokens_.size()) return {};
    base_ = tokens_[select].depth;
    std::size_t i = select + 1;
    if (i < tokens_.size() && (is_word(tokens_[i], "distinct") || is_word(tokens_[i], "all"))) ++i;
    std::vector<std::pair<std::size_t, std::size_t>> items;
    std::size_t start = i;
    for (; i < tokens_.size() && !at_end(tokens_[i]); ++i) {
      if (tokens_[i].depth != base_) continue;
      if (is_word(tokens_[i], "from")) break;
      if (is_punct(tokens_[i], ',')) {
        items.emplace_back(start, i);
        start = i + 1;
      }
    }
    items.emplace_back(start, i);
    if (i < tokens_.size() && is_word(tokens_[i], "from")) read_from(i + 1);
    std::vector<std::string> out;
    for (auto [b, e] : items) {
      // `*` and `t.*` stand for columns not counted here: the later
      // positions are unknown.
      if (e > b && is_punct(tokens_[e - 1], '*')) break;
      out.push_back(reported(expression_type(b, without_alias(b, e))));
    }
    return out;
  }

 private:
  bool at_end(const Token& t) const {
    return t.depth < base_ || (t.depth == base_ && (ends_clause(t) || is_punct(t, ';')));
  }

  void read_from(std::size_t i) {
    bool expect_table = true;
    while (i < tokens_.size() && !at_end(tokens_[i])) {
      const Token& t = tokens_[i];
      if (t.depth != base_) {
        ++i;
        continue;
      }
      if (is_punct(t, ',') || is_word(t, "join")) {
        expect_table = true;
        ++i;
        continue;
      }
      if (!expect_table) {
        ++i;
        continue;
      }
      expect_table = false;
      TableRef ref;
      if (is_punct(t, '(')) {
        i = matching_paren(tokens_, i) + 1;
      } else if (is_name(t)) {
        ref.table = ref.alias = t.name;
        ++i;
      } else {
        ++i;
        continue;
      }
      if (i < tokens_.size() && is_word(tokens_[i], "as")) ++i;
      if (i < tokens_.size() && is_name(tokens_[i]) && !table_keyword(tokens_[i]) &&
          tokens_[i].depth == base_) {
        ref.alias = tokens_[i].name;
        ++i;
      }
      tables_.push_back(ref);
    }
  }

  // [b, e) less a trailing "AS alias" or "alias".
  std::size_t without_alias(std::size_t b, std::size_t e) const {
    if (e - b >= 3 && is_word(tokens_[e - 2], "as")) return e - 2;
    if (e - b >= 2 && is_name(tokens_[e - 1]) && !is_word(tokens_[e - 1], "end") &&
        (is_punct(tokens_[e - 2], ')') || is_name(tokens_[e - 2])))
      return e - 1;
    return e;
  }

  std::string column_type(const std::string& qualifier, const std::string& column) const {
    for (const auto& ref : tables_) {
      if (!qualifier.empty() && lower(ref.alias) != lower(qualifier)) continue;
      if (ref.table.empty()) return "";
      std::string type = lookup_(ref.table, column);
      if (!type.empty() || !qualifier.empty()) return type;
    }
    return "";
  }

  // "Null", "Number", "Text" for literals; a field's category; "" unknown.
  std::string expression_type(std::size_t b, std::size_t e) const {
    if (b >= e) return "";
    const Token& first = tokens_[b];
    if (e - b == 1) {
      if (is_word(first, "null")) return "Null";
      if (first.kind == Token::Kind::Number) return "Number";
      if (first.kind == Token::Kind::String) return "Text";
      if (is_name(first)) return column_type("", first.name);
      return "";
    }
    if (e - b == 3 && is_name(first) && is_punct(tokens_[b + 1], '.') && is_name(tokens_[b + 2]))
      return column_type(first.name, tokens_[b + 2].name);
    if (is_punct(first, '(') && matching_paren(tokens_, b) == e - 1)
      return expression_type(b + 1, e - 1);
    if (first.kind == Token::Kind::Word && is_punct(tokens_[b + 1], '(') &&
        matching_paren(tokens_, b + 1) == e - 1)
      return call_type(first.text, b + 2, e - 1);
    return "";
  }

  std::string call_type(const std::string& function, std::size_t b, std::size_t e) const {
    if (function == "count") return "Int";
    // MariaDB sums and averages as DECIMAL (or DOUBLE): a float in Frappe.
    if (function == "sum" || function == "avg") return "Float";
    if (function == "date") return "Date";
    if (function != "max" && function != "min" && function != "coalesce" && function != "ifnull")
      return "";
    if (b < e && (is_word(tokens_[b], "distinct") || is_word(tokens_[b], "all"))) ++b;
    std::vector<std::string> args;
    std::size_t start = b;
    for (std::size_t i = b; i <= e; ++i) {
      if (i == e || (is_punct(tokens_[i], ',') && tokens_[i].depth == tokens_[b].depth)) {
        args.push_back(expression_type(start, i));
        start = i + 1;
      }
    }
    return merged(args);
  }

  // The type of max/min/coalesce/ifnull over these argument types: one
  // column type (NULLs aside), or a number type when numbers mix.
  static std::string merged(const std::vector<std::string>& args) {
    const std::string* first = nullptr;
    bool mixed = false, any_float = false, all_numeric = true;
    for (const auto& a : args) {
      if (a == "Null") continue;
      any_float = any_float || a == "Float";
      all_numeric = all_numeric && (a == "Float" || a == "Int" || a == "Number");
      if (first == nullptr) first = &a;
      mixed = mixed || a != *first;
    }
    if (first == nullptr) return "";
    if (all_numeric) return any_float ? "Float" : "Int";
    return mixed ? "" : *first;
  }

  static std::string reported(const std::string& type) {
    return type == "Date" || type == "Datetime" || type == "Time" || type == "Float" ||
                   type == "Int"
               ? type
               : "";
  }

  const Tokens& tokens_;
  const FieldTypeLookup& lookup_;
  int base_ = 0;
  std::vector<TableRef> tables_;
};

}  // namespace

std::vector<std::string> computed_column_types(std::string_view sql,
                                               const FieldTypeLookup& fieldtype) {
  Tokens tokens = tokenize(sql);
  return SelectReader(tokens, fieldtype).column_types();
}

}  // namespace quire::scripting
