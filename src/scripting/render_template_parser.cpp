// The Jinja subset's lexer and parser (render_template_syntax.h), following
// jinja2/lexer.py and jinja2/parser.py: the same precedence (`**` binds left
// to right, `~` between + and *, filters after a unary operand), the same
// whitespace control and the same error wording for the common mistakes.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "lang/compile/code.h"
#include "lang/syntax/literals.h"
#include "lang/syntax/unicode_chars.h"
#include "scripting/render_template_syntax.h"

namespace quire::scripting::jinja {

namespace {

enum class Tok : std::uint8_t { Name, Int, Float, Str, Op, End };

struct Token {
  Tok type;
  std::string text;  // name, digits, string value, operator
  int line;
};

// One piece of the template: text, a {{ }} or a {% %} with its tokens.
struct Piece {
  enum Kind { Text, Var, Block } kind;
  std::string text;
  std::vector<Token> tokens;
  int line;
};

struct Failure {
  SyntaxError error;
};

[[noreturn]] void fail(int line, std::string message, bool assertion = false) {
  throw Failure{SyntaxError{line, std::move(message), assertion}};
}

bool is_name_start(unsigned char c) {
  return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool is_name_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c >= 0x80;
}

// A string literal's value as jinja's lexer computes it:
// value.encode("ascii", "backslashreplace").decode("unicode-escape"), with the
// language's own escape decoder (octal, \x, \u, \U, \N{...}). A bad escape is
// a TemplateSyntaxError carrying the codec message's text after its last ':'
// ("truncated \xXX escape"), as jinja's lexer words it.
std::string unescape(std::string_view raw, int line) {
  if (raw.find('\\') == std::string_view::npos) return std::string(raw);
  // backslashreplace first: a backslash before a non-ASCII character escapes
  // the replacement's own backslash ('\\é' reads as "\\xe9"), as in Jinja.
  std::string ascii;
  ascii.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c < 0x80) {
      ascii += raw[i++];
      continue;
    }
    std::size_t length = 1;
    char32_t cp = lang::syntax::decode_utf8(raw.substr(i), length);
    i += length;
    char buf[16];
    const char* layout = cp <= 0xFF ? "\\x%02x" : cp <= 0xFFFF ? "\\u%04x" : "\\U%08x";
    std::snprintf(buf, sizeof buf, layout, static_cast<unsigned>(cp));
    ascii += buf;
  }
  std::string out, error;
  if (!lang::syntax::decode_escapes(ascii, false, out, error)) {
    std::size_t colon = error.rfind(':');
    std::string_view text = colon == std::string::npos ? std::string_view(error)
                                                       : std::string_view(error).substr(colon + 1);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    fail(line, std::string(text));
  }
  return out;
}

class Lexer {
 public:
  explicit Lexer(const std::string& source) : src_(normalize(source)) {}

  std::vector<Piece> run() {
    std::vector<Piece> pieces;
    std::size_t p = 0;
    bool strip_next = false;  // the previous tag ended with '-'
    while (p < src_.size()) {
      std::size_t open = find_open(p);
      std::string text = src_.substr(p, open - p);
      int text_line = line_;
      count_lines(text);
      if (strip_next) {
        std::size_t k = 0;
        while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k]))) ++k;
        text.erase(0, k);
        strip_next = false;
      }
      bool strip_before = open + 2 < src_.size() && src_[open + 2] == '-';
      if (strip_before) {
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
          text.pop_back();
      }
      if (!text.empty()) pieces.push_back({Piece::Text, text, {}, text_line});
      if (open == src_.size()) break;
      p = open + 2 + (strip_before ? 1 : 0);
      char kind = src_[open + 1];
      int tag_line = line_;
      if (kind == '#') {
        std::size_t end = src_.find("#}", p);
        if (end == std::string::npos) fail(tag_line, "Missing end of comment tag");
        strip_next = end > p && src_[end - 1] == '-';
        count_lines(src_.substr(p, end + 2 - p));
        p = end + 2;
        continue;
      }
      Piece piece{kind == '{' ? Piece::Var : Piece::Block, "", {}, tag_line};
      p = tokens(p, kind == '{' ? '}' : '%', piece.tokens, strip_next);
      if (piece.kind == Piece::Block && is_raw(piece.tokens)) {
        p = raw_block(p, pieces, strip_next);
        continue;
      }
      pieces.push_back(std::move(piece));
    }
    return pieces;
  }

  int last_line() const { return line_; }

 private:
  // Jinja turns \r\n and \r into \n and drops one trailing newline.
  static std::string normalize(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\r') {
        out += '\n';
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      } else {
        out += s[i];
      }
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  void count_lines(std::string_view text) {
    for (char c : text) line_ += c == '\n';
  }

  std::size_t find_open(std::size_t from) const {
    for (std::size_t i = from; i + 1 < src_.size(); ++i) {
      if (src_[i] == '{' && (src_[i + 1] == '{' || src_[i + 1] == '%' || src_[i + 1] == '#'))
        return i;
    }
    return src_.size();
  }

  static bool is_raw(const std::vector<Token>& t) {
    return t.size() == 1 && t[0].type == Tok::Name && t[0].text == "raw";
  }

  // {% raw %}...{% endraw %}: the text between, untouched.
  std::size_t raw_block(std::size_t p, std::vector<Piece>& pieces, bool& strip_next) {
    std::size_t search = p;
    while (true) {
      std::size_t open = src_.find("{%", search);
      if (open == std::string::npos) fail(line_, "Missing end of raw directive");
      std::size_t q = open + 2;
      bool strip_before = q < src_.size() && src_[q] == '-';
      if (strip_before) ++q;
      while (q < src_.size() && std::isspace(static_cast<unsigned char>(src_[q]))) ++q;
      if (src_.compare(q, 6, "endraw") != 0) {
        search = open + 2;
        continue;
      }
      q += 6;
      while (q < src_.size() && std::isspace(static_cast<unsigned char>(src_[q]))) ++q;
      bool strip_after = q < src_.size() && src_[q] == '-';
      if (strip_after) ++q;
      if (src_.compare(q, 2, "%}") != 0) {
        search = open + 2;
        continue;
      }
      std::string text = src_.substr(p, open - p);
      if (strip_next) {
        std::size_t k = 0;
        while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k]))) ++k;
        text.erase(0, k);
      }
      if (strip_before) {
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
          text.pop_back();
      }
      if (!text.empty()) pieces.push_back({Piece::Text, text, {}, line_});
      count_lines(src_.substr(p, q + 2 - p));
      strip_next = strip_after;
      return q + 2;
    }
  }

  // The tokens of one tag up to its closing `}}` / `%}` at bracket depth 0.
  std::size_t tokens(std::size_t p, char close, std::vector<Token>& out, bool& strip_next) {
    std::vector<char> balance;
    while (true) {
      while (p < src_.size() && std::isspace(static_cast<unsigned char>(src_[p]))) {
        line_ += src_[p] == '\n';
        ++p;
      }
      if (p >= src_.size()) {
        fail(line_, close == '}'
                        ? "unexpected end of template, expected 'end of print statement'."
                        : "unexpected end of template, expected 'end of statement block'.");
      }
      if (balance.empty()) {
        if (src_[p] == '-' && p + 2 < src_.size() && src_[p + 1] == close && src_[p + 2] == '}') {
          strip_next = true;
          return p + 3;
        }
        if (src_[p] == close && p + 1 < src_.size() && src_[p + 1] == '}') {
          strip_next = false;
          return p + 2;
        }
      }
      unsigned char c = static_cast<unsigned char>(src_[p]);
      int line = line_;
      if (is_name_start(c)) {
        std::size_t s = p;
        while (p < src_.size() && is_name_char(static_cast<unsigned char>(src_[p]))) ++p;
        out.push_back({Tok::Name, src_.substr(s, p - s), line});
        continue;
      }
      if (std::isdigit(c)) {
        p = number(p, out, line);
        continue;
      }
      if (c == '\'' || c == '"') {
        std::size_t s = ++p;
        while (p < src_.size() && src_[p] != static_cast<char>(c)) {
          if (src_[p] == '\\') ++p;
          ++p;
        }
        if (p >= src_.size())
          fail(line,
               "unexpected char '" + std::string(1, char(c)) + "' at " + std::to_string(s - 1));
        std::string raw = src_.substr(s, p - s);
        count_lines(raw);
        out.push_back({Tok::Str, unescape(raw, line), line});
        ++p;
        continue;
      }
      static const char* const two[] = {"//", "**", "==", "!=", ">=", "<="};
      bool matched = false;
      for (const char* op : two) {
        if (src_.compare(p, 2, op) == 0) {
          out.push_back({Tok::Op, op, line});
          p += 2;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      if (std::strchr("+-/*%~[](){}><=.:|,;", static_cast<char>(c)) && c) {
        if (c == '(' || c == '[' || c == '{') balance.push_back(static_cast<char>(c));
        if (c == ')' || c == ']' || c == '}') {
          char want = c == ')' ? '(' : c == ']' ? '[' : '{';
          if (balance.empty()) fail(line, "unexpected '" + std::string(1, char(c)) + "'");
          if (balance.back() != want) {
            fail(line, "unexpected '" + std::string(1, char(c)) + "', expected '" +
                           std::string(1, balance.back() == '('   ? ')'
                                          : balance.back() == '[' ? ']'
                                                                  : '}') +
                           "'");
          }
          balance.pop_back();
        }
        out.push_back({Tok::Op, std::string(1, static_cast<char>(c)), line});
        ++p;
        continue;
      }
      fail(line, "unexpected char '" + std::string(1, static_cast<char>(c)) + "' at " +
                     std::to_string(p));
    }
  }

  std::size_t number(std::size_t p, std::vector<Token>& out, int line) {
    auto digits = [&](std::size_t q) {
      while (q < src_.size() && (std::isdigit(static_cast<unsigned char>(src_[q])) ||
                                 (src_[q] == '_' && q + 1 < src_.size() &&
                                  std::isdigit(static_cast<unsigned char>(src_[q + 1])))))
        ++q;
      return q;
    };
    std::size_t s = p;
    p = digits(p);
    bool is_float = false;
    if (p + 1 < src_.size() && src_[p] == '.' &&
        std::isdigit(static_cast<unsigned char>(src_[p + 1]))) {
      p = digits(p + 1);
      is_float = true;
    }
    if (p < src_.size() && (src_[p] == 'e' || src_[p] == 'E')) {
      std::size_t q = p + 1;
      if (q < src_.size() && (src_[q] == '+' || src_[q] == '-')) ++q;
      if (q < src_.size() && std::isdigit(static_cast<unsigned char>(src_[q]))) {
        p = digits(q);
        is_float = true;
      }
    }
    std::string text;
    for (std::size_t i = s; i < p; ++i) {
      if (src_[i] != '_') text += src_[i];
    }
    out.push_back({is_float ? Tok::Float : Tok::Int, text, line});
    return p;
  }

  std::string src_;
  int line_ = 1;
};

// ---------------------------------------------------------------- parser

Node new_node(NodeKind kind, int line) {
  Node n;
  n.kind = kind;
  n.line = line;
  return n;
}

class Parser {
 public:
  Parser(std::vector<Piece> pieces, int last_line)
      : pieces_(std::move(pieces)), last_line_(last_line) {}

  Body parse_all() {
    Body body;
    std::string end = parse_body(body, {}, "");
    (void)end;
    return body;
  }

 private:
  // ------------------------------------------------------------ statements

  // Parses nodes until a block tag named in `ends`; returns that name (its
  // tokens are left in toks_ after the name). At the end of the template
  // with `ends` non-empty: Jinja's "Unexpected end of template" error.
  std::string parse_body(Body& body, const std::vector<std::string>& ends,
                         const std::string& innermost) {
    while (at_ < pieces_.size()) {
      Piece& piece = pieces_[at_++];
      if (piece.kind == Piece::Text) {
        Node text = new_node(NodeKind::Text, piece.line);
        text.text = piece.text;
        body.push_back(std::move(text));
        continue;
      }
      start(piece);
      if (piece.kind == Piece::Var) {
        Node n = new_node(NodeKind::Output, piece.line);
        n.expr = parse_tuple(false);
        expect_end("end of print statement");
        body.push_back(std::move(n));
        continue;
      }
      if (cur().type != Tok::Name) fail(cur().line, "tag name expected");
      std::string tag = cur().text;
      for (const auto& e : ends) {
        if (tag == e) {
          ++pos_;
          return tag;
        }
      }
      ++pos_;
      if (tag == "if") {
        body.push_back(parse_if(piece.line));
      } else if (tag == "for") {
        body.push_back(parse_for(piece.line));
      } else if (tag == "set") {
        body.push_back(parse_set(piece.line));
      } else if (tag == "with") {
        body.push_back(parse_with(piece.line));
      } else if (tag == "macro") {
        body.push_back(parse_macro(piece.line));
      } else if (tag == "call") {
        body.push_back(parse_call_block(piece.line));
      } else if (tag == "filter") {
        body.push_back(parse_filter_block(piece.line));
      } else if (tag == "block") {
        body.push_back(parse_block(piece.line));
      } else if (tag == "autoescape") {
        body.push_back(parse_autoescape(piece.line));
      } else if (tag == "include" || tag == "extends" || tag == "import" || tag == "from") {
        body.push_back(parse_load(tag, piece.line));
      } else {
        std::string message = "Encountered unknown tag '" + tag + "'.";
        if (!ends.empty()) message += looking_for(ends, innermost);
        fail(piece.line, message);
      }
    }
    if (!ends.empty()) {
      fail(last_line(), "Unexpected end of template." + looking_for(ends, innermost));
    }
    return "";
  }

  static std::string looking_for(const std::vector<std::string>& ends, const std::string& inner) {
    std::string s = " Jinja was looking for the following tags: ";
    for (std::size_t i = 0; i < ends.size(); ++i) {
      if (i) s += " or ";
      s += "'" + ends[i] + "'";
    }
    return s + ". The innermost block that needs to be closed is '" + inner + "'.";
  }

  Node parse_if(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::If, line);
    ExprPtr cond = parse_tuple(false);
    expect_end("end of statement block");
    while (true) {
      Body branch;
      std::string end = parse_body(branch, {"elif", "else", "endif"}, "if");
      n.branches.emplace_back(std::move(cond), std::move(branch));
      if (end == "elif") {
        cond = parse_tuple(false);
        expect_end("end of statement block");
        continue;
      }
      if (end == "else") {
        expect_end("end of statement block");
        parse_body(n.else_body, {"endif"}, "if");
      }
      expect_end("end of statement block");
      return n;
    }
  }

  void parse_targets(Node& n) {
    do {
      if (cur().type != Tok::Name) fail(cur().line, "can't assign to " + token_text(cur()));
      n.names.push_back(cur().text);
      ++pos_;
      if (!is_op(",")) break;
      n.tuple_target = true;
      ++pos_;
    } while (cur().type == Tok::Name);
  }

  Node parse_for(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::For, line);
    bool paren = is_op("(");
    if (paren) ++pos_;
    parse_targets(n);
    if (paren) expect_op(")");
    if (!(cur().type == Tok::Name && cur().text == "in")) {
      fail(cur().line, "expected token 'in', got " + token_text(cur()));
    }
    ++pos_;
    n.expr = parse_tuple(false, /*no_condexpr=*/true);
    if (cur().type == Tok::Name && cur().text == "if") {
      ++pos_;
      n.filter = parse_expression();
    }
    if (cur().type == Tok::Name && cur().text == "recursive") {
      n.recursive = true;
      ++pos_;
    }
    expect_end("end of statement block");
    std::string end = parse_body(n.body, {"endfor", "else"}, "for");
    if (end == "else") {
      expect_end("end of statement block");
      parse_body(n.else_body, {"endfor"}, "for");
    }
    expect_end("end of statement block");
    return n;
  }

  Node parse_set(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::Set, line);
    if (cur().type == Tok::Name && peek().type == Tok::Op && peek().text == ".") {
      n.names.push_back(cur().text);
      pos_ += 2;
      if (cur().type != Tok::Name)
        fail(cur().line, "expected token 'name', got " + token_text(cur()));
      n.attr = cur().text;
      ++pos_;
      expect_op("=");
      n.expr = parse_tuple(false);
      expect_end("end of statement block");
      return n;
    }
    parse_targets(n);
    if (is_op("=")) {
      ++pos_;
      n.expr = parse_tuple(false);
      expect_end("end of statement block");
      return n;
    }
    if (n.tuple_target) fail(cur().line, "expected token '=', got " + token_text(cur()));
    n.kind = NodeKind::SetBlock;
    expect_end("end of statement block");
    parse_body(n.body, {"endset"}, "set");
    expect_end("end of statement block");
    return n;
  }

  // {% with a = 1, b = 2 %}...{% endwith %}
  Node parse_with(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::With, line);
    while (!at_end()) {
      if (!n.names.empty()) expect_op(",");
      if (cur().type != Tok::Name)
        fail(cur().line, "expected token 'name', got " + token_text(cur()));
      n.names.push_back(cur().text);
      ++pos_;
      expect_op("=");
      n.branches.emplace_back(parse_expression(), Body{});
    }
    expect_end("end of statement block");
    parse_body(n.body, {"endwith"}, "with");
    expect_end("end of statement block");
    return n;
  }

  // jinja's parse_signature: `(a, b=default, ...)`.
  void parse_signature(Node& n) {
    expect_op("(");
    while (!is_op(")")) {
      if (!n.names.empty()) expect_op(",");
      if (cur().type != Tok::Name)
        fail(cur().line, "expected token 'name', got " + token_text(cur()));
      n.names.push_back(cur().text);
      ++pos_;
      if (is_op("=")) {
        ++pos_;
        n.defaults.push_back(parse_expression());
      } else {
        if (std::any_of(n.defaults.begin(), n.defaults.end(),
                        [](const ExprPtr& d) { return d != nullptr; }))
          fail(cur().line, "non-default argument follows default argument");
        n.defaults.push_back(nullptr);
      }
    }
    expect_op(")");
  }

  // A macro's (or a call block's caller's) body; notes which of varargs,
  // kwargs and caller it names.
  void parse_macro_body(Node& n, const char* end, const char* tag) {
    expect_end("end of statement block");
    macro_refs_.push_back(&n.refs);
    parse_body(n.body, {end}, tag);
    macro_refs_.pop_back();
    expect_end("end of statement block");
  }

  // {% macro name(args) %}...{% endmacro %}
  Node parse_macro(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::Macro, line);
    if (cur().type != Tok::Name)
      fail(cur().line, "expected token 'name', got " + token_text(cur()));
    n.text = cur().text;
    ++pos_;
    parse_signature(n);
    parse_macro_body(n, "endmacro", "macro");
    return n;
  }

  // {% call(args) macro(...) %}...{% endcall %}
  Node parse_call_block(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::CallBlock, line);
    if (is_op("(")) parse_signature(n);
    n.expr = parse_expression();
    if (n.expr->kind != ExprKind::Call) fail(line, "expected call");
    parse_macro_body(n, "endcall", "call");
    return n;
  }

  // {% filter upper|replace('a', 'b') %}...{% endfilter %}
  Node parse_filter_block(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::FilterBlock, line);
    auto input = make(ExprKind::Name, line);
    input->text = kFilterBlockInput;
    ExprPtr chain = std::move(input);
    bool first = true;
    while (first || is_op("|")) {
      if (!first) ++pos_;
      first = false;
      auto f = make(ExprKind::Filter, cur().line);
      f->text = dotted_name();
      f->args.push_back(std::move(chain));
      if (is_op("(")) parse_args(*f);
      chain = std::move(f);
    }
    n.expr = std::move(chain);
    expect_end("end of statement block");
    parse_body(n.body, {"endfilter"}, "filter");
    expect_end("end of statement block");
    return n;
  }

  // {% block name [scoped] %}...{% endblock [name] %}
  Node parse_block(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::Block, line);
    if (cur().type != Tok::Name)
      fail(cur().line, "expected token 'name', got " + token_text(cur()));
    n.text = cur().text;
    ++pos_;
    for (const auto& seen : block_names_) {
      if (seen == n.text) fail(line, "block '" + n.text + "' defined twice", true);
    }
    block_names_.push_back(n.text);
    if (cur().type == Tok::Name && cur().text == "scoped") {
      n.scoped = true;
      ++pos_;
    }
    if (cur().type == Tok::Name && cur().text == "required") ++pos_;
    if (is_op("-")) {
      fail(cur().line,
           "Block names in Jinja have to be valid Python identifiers and may not contain hyphens, "
           "use an underscore instead.");
    }
    expect_end("end of statement block");
    parse_body(n.body, {"endblock"}, "block");
    if (cur().type == Tok::Name && cur().text == n.text) ++pos_;
    expect_end("end of statement block");
    return n;
  }

  // {% autoescape expr %}...{% endautoescape %}
  Node parse_autoescape(int line) {
    Depth depth(depth_, line);
    Node n = new_node(NodeKind::Autoescape, line);
    if (at_end()) fail(cur().line, "unexpected 'end of statement block'");
    n.expr = parse_expression();
    expect_end("end of statement block");
    parse_body(n.body, {"endautoescape"}, "autoescape");
    expect_end("end of statement block");
    return n;
  }

  // include / extends / import / from: parsed as Jinja does; rendering them
  // needs a template loader, which quire does not have (TemplateNotFound).
  Node parse_load(const std::string& tag, int line) {
    Node n = new_node(NodeKind::Load, line);
    n.text = tag;
    n.expr = parse_expression();
    auto context_modifier = [&] {
      if (cur().type == Tok::Name && (cur().text == "with" || cur().text == "without") &&
          peek().type == Tok::Name && peek().text == "context") {
        pos_ += 2;
        return true;
      }
      return false;
    };
    if (tag == "include") {
      if (cur().type == Tok::Name && cur().text == "ignore" && peek().type == Tok::Name &&
          peek().text == "missing") {
        n.ignore_missing = true;
        pos_ += 2;
      }
      context_modifier();
    } else if (tag == "import") {
      expect_name("as");
      expect_target();
      context_modifier();
    } else if (tag == "from") {
      expect_name("import");
      while (true) {
        if (!n.names.empty()) {
          if (context_modifier()) break;
          expect_op(",");
        }
        if (context_modifier()) break;
        expect_target();
        n.names.push_back("");
        if (cur().type == Tok::Name && cur().text == "as") {
          ++pos_;
          expect_target();
        }
        if (!is_op(",")) {
          context_modifier();
          break;
        }
      }
    }
    expect_end("end of statement block");
    return n;
  }

  void expect_name(const char* word) {
    if (!(cur().type == Tok::Name && cur().text == word)) {
      fail(cur().line, "expected token '" + std::string(word) + "', got " + token_text(cur()));
    }
    ++pos_;
  }

  void expect_target() {
    if (cur().type != Tok::Name)
      fail(cur().line, "expected token 'name', got " + token_text(cur()));
    ++pos_;
  }

  // ------------------------------------------------------------ expressions

  ExprPtr make(ExprKind k, int line) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->line = line;
    return e;
  }

  struct Depth {
    int& d;
    explicit Depth(int& depth, int line) : d(depth) {
      if (++d > kMaxExprDepth) {
        --d;
        fail(line, "expression nested too deeply");
      }
    }
    ~Depth() { --d; }
  };

  // parse_tuple: `a, b` at statement level makes a tuple.
  ExprPtr parse_tuple(bool explicit_parens, bool no_condexpr = false) {
    int line = cur().line;
    std::vector<ExprPtr> items;
    bool is_tuple = false;
    while (true) {
      if (!items.empty()) expect_op(",");
      if (tuple_ends(explicit_parens)) break;
      items.push_back(no_condexpr ? parse_or() : parse_expression());
      if (is_op(",")) {
        is_tuple = true;
      } else {
        break;
      }
    }
    if (!is_tuple) {
      if (!items.empty()) return std::move(items[0]);
      if (!explicit_parens) {
        fail(cur().line, "Expected an expression, got " + token_text(cur()));
      }
    }
    auto t = make(ExprKind::Tuple, line);
    t->args = std::move(items);
    return t;
  }

  bool tuple_ends(bool explicit_parens) {
    if (explicit_parens) return is_op(")");
    if (at_end()) return true;
    return cur().type == Tok::Name && (cur().text == "in" || cur().text == "recursive");
  }

  ExprPtr parse_expression() {
    Depth d(depth_, cur().line);
    ExprPtr expr = parse_or();
    while (cur().type == Tok::Name && cur().text == "if") {
      int line = cur().line;
      ++pos_;
      auto cond = make(ExprKind::Cond, line);
      ExprPtr test = parse_or();
      ExprPtr otherwise;
      if (cur().type == Tok::Name && cur().text == "else") {
        ++pos_;
        otherwise = parse_expression();
      }
      cond->args.push_back(std::move(test));
      cond->args.push_back(std::move(expr));
      if (otherwise) cond->args.push_back(std::move(otherwise));
      expr = std::move(cond);
    }
    return expr;
  }

  ExprPtr binary_chain(ExprKind kind, const char* word, ExprPtr (Parser::*next)()) {
    ExprPtr left = (this->*next)();
    while (cur().type == Tok::Name && cur().text == word) {
      int line = cur().line;
      ++pos_;
      auto n = make(kind, line);
      n->args.push_back(std::move(left));
      n->args.push_back((this->*next)());
      left = std::move(n);
    }
    return left;
  }

  ExprPtr parse_or() { return binary_chain(ExprKind::Or, "or", &Parser::parse_and); }
  ExprPtr parse_and() { return binary_chain(ExprKind::And, "and", &Parser::parse_not); }

  ExprPtr parse_not() {
    if (cur().type == Tok::Name && cur().text == "not") {
      Depth d(depth_, cur().line);
      int line = cur().line;
      ++pos_;
      auto n = make(ExprKind::Not, line);
      n->args.push_back(parse_not());
      return n;
    }
    return parse_compare();
  }

  ExprPtr parse_compare() {
    int line = cur().line;
    ExprPtr first = parse_math1();
    std::unique_ptr<Expr> cmp;
    while (true) {
      std::uint8_t op;
      if (is_op("==")) {
        op = kCmpEq;
      } else if (is_op("!=")) {
        op = kCmpNe;
      } else if (is_op("<")) {
        op = kCmpLt;
      } else if (is_op("<=")) {
        op = kCmpLe;
      } else if (is_op(">")) {
        op = kCmpGt;
      } else if (is_op(">=")) {
        op = kCmpGe;
      } else if (cur().type == Tok::Name && cur().text == "in") {
        op = kCmpIn;
      } else if (cur().type == Tok::Name && cur().text == "not" && peek().type == Tok::Name &&
                 peek().text == "in") {
        op = kCmpNotIn;
        ++pos_;
      } else {
        break;
      }
      ++pos_;
      if (!cmp) {
        cmp = make(ExprKind::Compare, line);
        cmp->args.push_back(std::move(first));
      }
      cmp->ops.push_back(op);
      cmp->args.push_back(parse_math1());
    }
    return cmp ? std::move(cmp) : std::move(first);
  }

  ExprPtr binary_ops(std::initializer_list<std::pair<const char*, int>> ops,
                     ExprPtr (Parser::*next)()) {
    ExprPtr left = (this->*next)();
    while (true) {
      int code = -1;
      for (const auto& [text, c] : ops) {
        if (is_op(text)) code = c;
      }
      if (code < 0) return left;
      int line = cur().line;
      ++pos_;
      auto n = make(ExprKind::Binary, line);
      n->op = code;
      n->args.push_back(std::move(left));
      n->args.push_back((this->*next)());
      left = std::move(n);
    }
  }

  ExprPtr parse_math1() {
    return binary_ops({{"+", lang::kAdd}, {"-", lang::kSub}}, &Parser::parse_concat);
  }

  ExprPtr parse_concat() {
    int line = cur().line;
    ExprPtr first = parse_math2();
    if (!is_op("~")) return first;
    auto n = make(ExprKind::Concat, line);
    n->args.push_back(std::move(first));
    while (is_op("~")) {
      ++pos_;
      n->args.push_back(parse_math2());
    }
    return n;
  }

  ExprPtr parse_math2() {
    return binary_ops(
        {{"*", lang::kMul}, {"/", lang::kTrueDiv}, {"//", lang::kFloorDiv}, {"%", lang::kMod}},
        &Parser::parse_pow);
  }

  ExprPtr parse_pow() { return binary_ops({{"**", lang::kPow}}, &Parser::parse_unary_filtered); }

  ExprPtr parse_unary_filtered() { return parse_unary(true); }

  ExprPtr parse_unary(bool with_filter) {
    Depth d(depth_, cur().line);
    int line = cur().line;
    ExprPtr node;
    if (is_op("-") || is_op("+")) {
      auto n = make(is_op("-") ? ExprKind::Neg : ExprKind::Pos, line);
      ++pos_;
      n->args.push_back(parse_unary(false));
      node = std::move(n);
    } else {
      node = parse_primary();
    }
    node = parse_postfix(std::move(node));
    if (with_filter) node = parse_filter_expr(std::move(node));
    return node;
  }

  ExprPtr parse_primary() {
    const Token& t = cur();
    int line = t.line;
    if (t.type == Tok::Name) {
      ++pos_;
      if (t.text == "true" || t.text == "True") return make(ExprKind::True, line);
      if (t.text == "false" || t.text == "False") return make(ExprKind::False, line);
      if (t.text == "none" || t.text == "None") return make(ExprKind::None, line);
      auto n = make(ExprKind::Name, line);
      n->text = t.text;
      std::uint8_t ref = t.text == "varargs"  ? kRefVarargs
                         : t.text == "kwargs" ? kRefKwargs
                         : t.text == "caller" ? kRefCaller
                                              : 0;
      for (std::uint8_t* refs : macro_refs_) *refs |= ref;
      return n;
    }
    if (t.type == Tok::Str) {
      auto n = make(ExprKind::Str, line);
      while (cur().type == Tok::Str) {
        n->text += cur().text;
        ++pos_;
      }
      return n;
    }
    if (t.type == Tok::Int || t.type == Tok::Float) {
      auto n = make(t.type == Tok::Int ? ExprKind::Int : ExprKind::Float, line);
      n->text = t.text;
      ++pos_;
      return n;
    }
    if (is_op("(")) {
      ++pos_;
      ExprPtr inner = parse_tuple(true);
      expect_op(")");
      return inner;
    }
    if (is_op("[")) {
      ++pos_;
      auto n = make(ExprKind::List, line);
      while (!is_op("]")) {
        if (!n->args.empty()) expect_op(",");
        if (is_op("]")) break;
        n->args.push_back(parse_expression());
      }
      expect_op("]");
      return n;
    }
    if (is_op("{")) {
      ++pos_;
      auto n = make(ExprKind::Dict, line);
      while (!is_op("}")) {
        if (!n->args.empty()) expect_op(",");
        if (is_op("}")) break;
        n->args.push_back(parse_expression());
        expect_op(":");
        n->args.push_back(parse_expression());
      }
      expect_op("}");
      return n;
    }
    fail(line,
         at_end() ? "Expected an expression, got " + token_text(t) : "unexpected " + quoted(t));
  }

  ExprPtr parse_postfix(ExprPtr node) {
    while (true) {
      if (is_op(".")) {
        int line = cur().line;
        ++pos_;
        if (cur().type == Tok::Name) {
          auto n = make(ExprKind::Attr, line);
          n->text = cur().text;
          ++pos_;
          n->args.push_back(std::move(node));
          node = std::move(n);
        } else if (cur().type == Tok::Int) {
          auto n = make(ExprKind::Item, line);
          auto key = make(ExprKind::Int, line);
          key->text = cur().text;
          ++pos_;
          n->args.push_back(std::move(node));
          n->args.push_back(std::move(key));
          node = std::move(n);
        } else {
          fail(line, "expected name or number");
        }
      } else if (is_op("[")) {
        node = parse_subscript(std::move(node));
      } else if (is_op("(")) {
        node = parse_call(std::move(node));
      } else {
        return node;
      }
    }
  }

  ExprPtr parse_subscript(ExprPtr node) {
    int line = cur().line;
    ++pos_;
    std::vector<ExprPtr> parts;
    bool slice = false;
    ExprPtr slots[3];
    int slot = 0;
    while (!is_op("]")) {
      if (is_op(":")) {
        slice = true;
        ++pos_;
        if (++slot > 2) fail(cur().line, "unexpected ':'");
        continue;
      }
      if (is_op(",")) fail(cur().line, "tuple subscripts are not supported");
      slots[slot] = parse_expression();
    }
    expect_op("]");
    if (!slice) {
      if (!slots[0]) fail(line, "Expected an expression, got ']'");
      auto n = make(ExprKind::Item, line);
      n->args.push_back(std::move(node));
      n->args.push_back(std::move(slots[0]));
      return n;
    }
    auto n = make(ExprKind::Slice, line);
    n->args.push_back(std::move(node));
    for (auto& s : slots) n->args.push_back(s ? std::move(s) : make(ExprKind::None, line));
    return n;
  }

  // Arguments of a call, filter or test (jinja's parse_call_args):
  // positional, then name=value, with one `*iterable` after the positional
  // ones and one `**mapping` last; they follow the keyword values in args.
  void parse_args(Expr& n) {
    expect_op("(");
    ExprPtr star, star_star;
    auto ensure = [&](bool ok, int line) {
      if (!ok) fail(line, "invalid syntax for function call expression");
    };
    bool first = true;
    while (!is_op(")")) {
      if (!first) expect_op(",");
      first = false;
      if (is_op(")")) break;
      int line = cur().line;
      if (is_op("*")) {
        ensure(!star && !star_star, line);
        ++pos_;
        star = parse_expression();
      } else if (is_op("**")) {
        ensure(!star_star, line);
        ++pos_;
        star_star = parse_expression();
      } else if (cur().type == Tok::Name && peek().type == Tok::Op && peek().text == "=") {
        ensure(!star_star, line);
        n.kwnames.push_back(cur().text);
        pos_ += 2;
        n.args.push_back(parse_expression());
      } else {
        ensure(!star && !star_star && n.kwnames.empty(), line);
        n.args.push_back(parse_expression());
      }
    }
    expect_op(")");
    if (star) {
      n.args.push_back(std::move(star));
      n.dyn |= kDynArgs;
    }
    if (star_star) {
      n.args.push_back(std::move(star_star));
      n.dyn |= kDynKwargs;
    }
  }

  ExprPtr parse_call(ExprPtr node) {
    auto n = make(ExprKind::Call, cur().line);
    n->args.push_back(std::move(node));
    parse_args(*n);
    return n;
  }

  std::string dotted_name() {
    if (cur().type != Tok::Name)
      fail(cur().line, "expected token 'name', got " + token_text(cur()));
    std::string name = cur().text;
    ++pos_;
    while (is_op(".") && peek().type == Tok::Name) {
      name += "." + peek().text;
      pos_ += 2;
    }
    return name;
  }

  ExprPtr parse_filter_expr(ExprPtr node) {
    while (true) {
      if (is_op("|")) {
        int line = cur().line;
        ++pos_;
        auto n = make(ExprKind::Filter, line);
        n->text = dotted_name();
        n->args.push_back(std::move(node));
        if (is_op("(")) parse_args(*n);
        node = std::move(n);
      } else if (cur().type == Tok::Name && cur().text == "is") {
        int line = cur().line;
        ++pos_;
        auto n = make(ExprKind::Test, line);
        if (cur().type == Tok::Name && cur().text == "not") {
          n->negated = true;
          ++pos_;
        }
        n->text = dotted_name();
        n->args.push_back(std::move(node));
        if (is_op("(")) {
          parse_args(*n);
        } else if ((cur().type == Tok::Name || cur().type == Tok::Int || cur().type == Tok::Float ||
                    cur().type == Tok::Str || is_op("[") || is_op("{") || is_op("-")) &&
                   !(cur().type == Tok::Name &&
                     (cur().text == "else" || cur().text == "or" || cur().text == "and"))) {
          if (cur().type == Tok::Name && cur().text == "is")
            fail(cur().line, "You cannot chain multiple tests with is");
          ExprPtr arg = parse_primary();
          arg = parse_postfix(std::move(arg));
          n->args.push_back(std::move(arg));
        }
        node = std::move(n);
      } else if (is_op("(")) {
        node = parse_call(std::move(node));
      } else {
        return node;
      }
    }
  }

  // ------------------------------------------------------------ tokens

  void start(const Piece& p) {
    toks_ = &p.tokens;
    pos_ = 0;
    current_end_ = p.kind == Piece::Var ? "end of print statement" : "end of statement block";
    end_ = Token{Tok::End, "", p.line};
    if (!p.tokens.empty()) end_.line = p.tokens.back().line;
  }
  const Token& cur() const { return pos_ < toks_->size() ? (*toks_)[pos_] : end_; }
  const Token& peek() const { return pos_ + 1 < toks_->size() ? (*toks_)[pos_ + 1] : end_; }
  bool at_end() const { return pos_ >= toks_->size(); }
  bool is_op(const char* op) const { return cur().type == Tok::Op && cur().text == op; }

  std::string token_text(const Token& t) const {
    switch (t.type) {
      case Tok::End:
        return "'" + current_end_ + "'";
      case Tok::Name:
        return "'" + t.text + "'";
      case Tok::Str:
        return "'string'";
      case Tok::Int:
        return "'integer'";
      case Tok::Float:
        return "'float'";
      case Tok::Op:
        return "'" + t.text + "'";
    }
    return "''";
  }
  static std::string quoted(const Token& t) { return "'" + t.text + "'"; }

  void expect_op(const char* op) {
    if (!is_op(op)) {
      fail(cur().line, "expected token '" + std::string(op) + "', got " + token_text(cur()));
    }
    ++pos_;
  }

  void expect_end(const char* what) {
    current_end_ = what;
    if (!at_end()) {
      fail(cur().line, "expected token '" + std::string(what) + "', got " + token_text(cur()));
    }
  }

  int last_line() const { return last_line_; }

  std::vector<Piece> pieces_;
  int last_line_ = 1;
  std::size_t at_ = 0;
  const std::vector<Token>* toks_ = nullptr;
  std::size_t pos_ = 0;
  Token end_{Tok::End, "", 1};
  std::string current_end_ = "end of print statement";
  int depth_ = 0;
  std::vector<std::uint8_t*> macro_refs_;  // the macros (and call blocks) being parsed
  std::vector<std::string> block_names_;
};

}  // namespace

bool parse_template(const std::string& source, Template& out, SyntaxError& error) {
  try {
    Lexer lexer(source);
    std::vector<Piece> pieces = lexer.run();
    Parser parser(std::move(pieces), lexer.last_line());
    out.body = parser.parse_all();
    return true;
  } catch (const Failure& f) {
    error = f.error;
    return false;
  }
}

}  // namespace quire::scripting::jinja
