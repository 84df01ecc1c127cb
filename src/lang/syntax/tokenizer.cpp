#include "lang/syntax/tokenizer.h"

#include <array>
#include <cstdio>

#include "lang/syntax/unicode_chars.h"

namespace quire::lang::syntax {
namespace {

bool is_digit(int c) {
  return c >= '0' && c <= '9';
}
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_identifier_char(int c) {
  return is_identifier_start(c) || is_digit(c);
}

struct KeywordEntry {
  std::string_view text;
  KeywordKind keyword;
};
constexpr std::array<KeywordEntry, 35> kKeywords{{
    {"False", KeywordKind::False},
    {"None", KeywordKind::NoneKw},
    {"True", KeywordKind::True},
    {"and", KeywordKind::And},
    {"as", KeywordKind::As},
    {"assert", KeywordKind::Assert},
    {"async", KeywordKind::Async},
    {"await", KeywordKind::Await},
    {"break", KeywordKind::Break},
    {"class", KeywordKind::Class},
    {"continue", KeywordKind::Continue},
    {"def", KeywordKind::Def},
    {"del", KeywordKind::Del},
    {"elif", KeywordKind::Elif},
    {"else", KeywordKind::Else},
    {"except", KeywordKind::Except},
    {"finally", KeywordKind::Finally},
    {"for", KeywordKind::For},
    {"from", KeywordKind::From},
    {"global", KeywordKind::Global},
    {"if", KeywordKind::If},
    {"import", KeywordKind::Import},
    {"in", KeywordKind::In},
    {"is", KeywordKind::Is},
    {"lambda", KeywordKind::Lambda},
    {"nonlocal", KeywordKind::Nonlocal},
    {"not", KeywordKind::Not},
    {"or", KeywordKind::Or},
    {"pass", KeywordKind::Pass},
    {"raise", KeywordKind::Raise},
    {"return", KeywordKind::Return},
    {"try", KeywordKind::Try},
    {"while", KeywordKind::While},
    {"with", KeywordKind::With},
    {"yield", KeywordKind::Yield},
}};

KeywordKind keyword_of(std::string_view text) {
  if (text.size() < 2 || text.size() > 8) return KeywordKind::None;
  for (const auto& entry : kKeywords) {
    if (entry.text == text) return entry.keyword;
  }
  return KeywordKind::None;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view source, int max_level, int max_indent)
      : src_(source), max_level_(max_level), max_indent_(max_indent) {
    stream_.source = source;
    stream_.line_starts.push_back(0);
    for (std::uint32_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n') stream_.line_starts.push_back(i + 1);
    }
    stream_.tokens.reserve(source.size() / 4 + 16);
  }

  TokenStream run() {
    while (!done_) step();
    return std::move(stream_);
  }

 private:
  // ------------------------------------------------------------ characters
  int peek(std::size_t ahead = 0) const {
    std::size_t i = pos_ + ahead;
    return i < src_.size() ? static_cast<unsigned char>(src_[i]) : -1;
  }
  int next() {
    if (pos_ >= src_.size()) {
      ++pos_;  // so that backing up after EOF is symmetric
      return -1;
    }
    int c = static_cast<unsigned char>(src_[pos_++]);
    if (c == '\n') {
      ++line_;
      line_start_ = pos_;
    }
    return c;
  }
  void backup() {
    --pos_;
    if (pos_ < src_.size() && src_[pos_] == '\n') {
      --line_;
      line_start_ = stream_.line_starts[line_ - 1];
    }
  }
  int col_of(std::size_t byte) const { return static_cast<int>(byte - line_start_); }
  int cur_col() const { return col_of(pos_ > src_.size() ? src_.size() : pos_); }

  // ---------------------------------------------------------------- errors
  void fail(TokenizerError::Kind kind, LocatedError error) {
    stream_.error = TokenizerError{kind, std::move(error), 0};
    done_ = true;
  }
  // CPython's tokenizer reports its own errors in code points on both ends.
  int chars_at(int byte_col) const { return chars_before(line_text(stream_, line_), byte_col); }
  // CPython's syntaxerror(): reported at the current position.
  void error_here(std::string message) {
    LocatedError e;
    e.message = std::move(message);
    e.lineno = e.end_lineno = line_;
    e.col = e.end_col = cur_col() - 1;
    e.raw_offset = e.raw_end_offset = chars_at(cur_col());
    fail(TokenizerError::Kind::Direct, std::move(e));
  }
  void error_range(std::string message, std::size_t start, std::size_t end) {
    LocatedError e;
    e.message = std::move(message);
    e.lineno = e.end_lineno = line_;
    e.col = col_of(start);
    e.end_col = col_of(end);
    e.raw_offset = chars_at(e.col) + 1;
    e.raw_end_offset = chars_at(e.end_col) + 1;
    fail(TokenizerError::Kind::Direct, std::move(e));
  }
  void indentation_error(const char* type, const char* message, int offset, int end_offset) {
    LocatedError e;
    e.type = type;
    e.message = message;
    e.lineno = e.end_lineno = line_;
    e.raw_offset = offset;
    e.raw_end_offset = end_offset;
    fail(TokenizerError::Kind::Other, std::move(e));
  }

  // ---------------------------------------------------------------- tokens
  void emit(TokenKind kind, std::size_t start, std::size_t end, int start_line, int start_col,
            Op op = Op::None) {
    Token t;
    t.kind = kind;
    t.op = op;
    t.start = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(end);
    t.lineno = start_line;
    t.col = start_col;
    t.end_lineno = line_;
    t.end_col = col_of(end);
    t.level = static_cast<int>(brackets_.size());
    stream_.tokens.push_back(t);
  }
  void emit_simple(TokenKind kind, std::size_t start, std::size_t end, Op op = Op::None) {
    emit(kind, start, end, line_, col_of(start), op);
  }

  // One step: handles the start of a line, then returns one token (or ends).
  void step() {
    if (at_line_start_) {
      at_line_start_ = false;
      if (!indentation()) return;
    }
    if (pending_ != 0) {
      if (pending_ < 0) {
        ++pending_;
        emit_simple(TokenKind::Dedent, pos_, pos_);
      } else {
        --pending_;
        emit_simple(TokenKind::Indent, pos_, pos_);
      }
      return;
    }
    token();
  }

  // Measures the indentation of a new line and queues INDENT/DEDENT tokens.
  // Returns false when it failed.
  bool indentation() {
    constexpr int kTabSize = 8;
    int col = 0;
    int altcol = 0;
    int cont_line_col = 0;
    int c;
    for (;;) {
      c = next();
      if (c == ' ') {
        ++col, ++altcol;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        altcol = altcol + 1;
      } else if (c == '\014') {
        col = altcol = 0;
      } else if (c == '\\') {
        cont_line_col = cont_line_col ? cont_line_col : col;
        if (!continuation_line()) return false;
      } else {
        break;
      }
    }
    backup();
    blank_line_ = (c == '#' || c == '\n' || c == '\r');
    if (c == -1) {
      blank_line_ = false;
      col = altcol = 0;
    }
    if (blank_line_ || !brackets_.empty()) return true;
    if (cont_line_col) col = altcol = cont_line_col;
    if (col == indents_.back()) {
      if (altcol != alt_indents_.back()) return tab_error();
    } else if (col > indents_.back()) {
      if (static_cast<int>(indents_.size()) >= max_indent_) {
        indentation_error("IndentationError", "too many levels of indentation", cur_col() + 1, -1);
        return false;
      }
      if (altcol <= alt_indents_.back()) return tab_error();
      ++pending_;
      indents_.push_back(col);
      alt_indents_.push_back(altcol);
    } else {
      while (indents_.size() > 1 && col < indents_.back()) {
        --pending_;
        indents_.pop_back();
        alt_indents_.pop_back();
      }
      if (col != indents_.back()) {
        // CPython reports the length of the line (with its newline) as offset.
        std::string_view line = line_text(stream_, line_);
        indentation_error("IndentationError", "unindent does not match any outer indentation level",
                          chars_before(line, static_cast<int>(line.size())) + 1, -1);
        return false;
      }
      if (altcol != alt_indents_.back()) return tab_error();
    }
    return true;
  }

  bool tab_error() {
    indentation_error("TabError", "inconsistent use of tabs and spaces in indentation", 1, 0);
    return false;
  }

  // After a backslash: the next character must end the line.
  bool continuation_line() {
    int c = next();
    if (c == '\r' && peek() == '\n') c = next();
    if (c != '\n') {
      LocatedError e;
      if (c == -1) {
        e.message = "unexpected EOF while parsing";
        e.lineno = e.end_lineno = line_;
        e.raw_offset = cur_col() + 1;
        e.raw_end_offset = -1;
        stream_.error = TokenizerError{TokenizerError::Kind::Other, std::move(e), 0};
      } else {
        e.message = "unexpected character after line continuation character";
        e.lineno = e.end_lineno = line_;
        e.col = cur_col() - 1;
        e.raw_end_offset = 0;
        stream_.error = TokenizerError{TokenizerError::Kind::Other, std::move(e), 0};
      }
      done_ = true;
      return false;
    }
    if (peek() == -1) {
      // A backslash on the last line: CPython reports an EOF in a statement.
      LocatedError e;
      e.message = "unexpected EOF while parsing";
      e.lineno = e.end_lineno = line_ - 1;
      std::string_view line = line_text(stream_, line_ - 1);
      e.raw_offset = chars_before(line, static_cast<int>(line.size())) + 1;
      e.raw_end_offset = -1;
      stream_.error = TokenizerError{TokenizerError::Kind::Other, std::move(e), 0};
      done_ = true;
      return false;
    }
    return true;
  }

  void token() {
    int c;
    // Skip spaces.
    do {
      c = next();
    } while (c == ' ' || c == '\t' || c == '\014');
    std::size_t start = pos_ - 1;

    if (c == '#') {
      while (c != -1 && c != '\n' && c != '\r') c = next();
    }
    if (c == '\r') {
      if (peek() == '\n')
        c = next();
      else
        c = '\n';
    }

    if (c == -1) {
      backup();
      end_of_file();
      return;
    }

    if (is_identifier_start(c)) {
      identifier_or_string(c, start);
      return;
    }

    if (c == '\n') {
      at_line_start_ = true;
      if (blank_line_ || !brackets_.empty()) return;
      Token t;
      t.kind = TokenKind::Newline;
      t.start = static_cast<std::uint32_t>(start);
      t.end = static_cast<std::uint32_t>(pos_ - 1);
      t.lineno = t.end_lineno = line_ - 1;
      t.col = static_cast<int>(start - stream_.line_starts[line_ - 2]);
      t.end_col = t.col;  // CPython's NEWLINE token has no width
      stream_.tokens.push_back(t);
      return;
    }

    if (c == '.') {
      int c2 = peek();
      if (is_digit(c2)) {
        number_fraction(start);
        return;
      }
      if (c2 == '.' && peek(1) == '.') {
        next();
        next();
        emit_simple(TokenKind::Op, start, pos_, Op::Ellipsis);
        return;
      }
      emit_simple(TokenKind::Op, start, pos_, Op::Dot);
      return;
    }

    if (is_digit(c)) {
      number(c, start);
      return;
    }

    if (c == '\'' || c == '"') {
      string_literal(c, start, start);
      return;
    }

    if (c == '\\') {
      backup();
      next();
      if (!continuation_line()) return;
      blank_line_ = false;  // a continued line is never blank
      return;
    }

    operator_token(c, start);
  }

  void end_of_file() {
    if (!brackets_.empty()) {
      const Bracket& open = brackets_.back();
      LocatedError e;
      e.message = std::string("'") + open.ch + "' was never closed";
      e.lineno = e.end_lineno = open.lineno;
      e.col = open.col;
      e.raw_end_offset = 0;
      stream_.error =
          TokenizerError{TokenizerError::Kind::EofInBrackets, std::move(e), open.lineno};
      done_ = true;
      return;
    }
    // CPython adds a newline to an unterminated last line.
    if (!stream_.tokens.empty() && stream_.tokens.back().kind != TokenKind::Newline &&
        stream_.tokens.back().kind != TokenKind::Dedent && !blank_line_) {
      emit_simple(TokenKind::Newline, pos_, pos_);
    }
    // Position end-of-file tokens at the end of the last non-empty line, as
    // CPython's errors do.
    int last_line = line_;
    std::size_t last_col = pos_ - line_start_;
    if (pos_ == line_start_ && line_ > 1) {
      last_line = line_ - 1;
      last_col = line_text(stream_, last_line).size();
    }
    auto push_eof_token = [&](TokenKind kind) {
      Token t;
      t.kind = kind;
      t.start = t.end = static_cast<std::uint32_t>(pos_);
      t.lineno = t.end_lineno = last_line;
      t.col = t.end_col = static_cast<int>(last_col);
      stream_.tokens.push_back(t);
    };
    while (indents_.size() > 1) {
      indents_.pop_back();
      push_eof_token(TokenKind::Dedent);
    }
    push_eof_token(TokenKind::EndMarker);
    done_ = true;
  }

  // ----------------------------------------------------------- identifiers
  void identifier_or_string(int c, std::size_t start) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
      if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
        saw_b = true;
      } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
        saw_u = true;
      } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
        saw_r = true;
      } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
        saw_f = true;
      } else {
        break;
      }
      c = next();
      if (c == '"' || c == '\'') {
        string_literal(c, start, pos_ - 1);
        return;
      }
    }
    while (is_identifier_char(c)) c = next();
    backup();
    std::string_view text = src_.substr(start, pos_ - start);
    if (!check_identifier(text, start)) return;
    emit_simple(TokenKind::Name, start, pos_);
    stream_.tokens.back().keyword = keyword_of(text);
  }

  // Non-ASCII characters are accepted in names unless we know they are not
  // identifier characters (see unicode_chars.h).
  bool check_identifier(std::string_view text, std::size_t start) {
    for (std::size_t i = 0; i < text.size();) {
      unsigned char b = static_cast<unsigned char>(text[i]);
      if (b < 128) {
        ++i;
        continue;
      }
      std::size_t length = 0;
      char32_t cp = decode_utf8(text.substr(i), length);
      if (!is_identifier_code_point(cp, i == 0)) {
        pos_ = start + i + length;
        char hex[16];
        std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
        if (!is_printable_code_point(cp)) {
          error_here(std::string("invalid non-printable character U+") + hex);
        } else {
          error_here("invalid character '" + std::string(text.substr(i, length)) + "' (U+" + hex +
                     ")");
        }
        return false;
      }
      i += length;
    }
    return true;
  }

  // --------------------------------------------------------------- numbers
  // Reads digits and single underscores between digits; returns the first
  // character after them, or 0 after an error.
  int decimal_tail() {
    int c;
    for (;;) {
      do {
        c = next();
      } while (is_digit(c));
      if (c != '_') break;
      c = next();
      if (!is_digit(c)) {
        backup();
        error_here("invalid decimal literal");
        return 0;
      }
    }
    return c;
  }

  bool verify_end_of_number(int c, const char* kind) {
    // Keywords that may follow a number in valid code (`1if x else y`).
    auto lookahead = [&](std::string_view rest) {
      for (std::size_t i = 0; i < rest.size(); ++i) {
        if (peek(i) != static_cast<unsigned char>(rest[i])) return false;
      }
      return true;
    };
    bool keyword = false;
    if (c == 'a')
      keyword = lookahead("nd");
    else if (c == 'e')
      keyword = lookahead("lse");
    else if (c == 'f')
      keyword = lookahead("or");
    else if (c == 'i')
      keyword = peek() == 'f' || peek() == 'n' || peek() == 's';
    else if (c == 'o')
      keyword = lookahead("r");
    else if (c == 'n')
      keyword = lookahead("ot");
    if (keyword) return true;
    if (c != -1 && is_identifier_char(c)) {
      backup();
      error_here(std::string("invalid ") + kind + " literal");
      return false;
    }
    return true;
  }

  void finish_number(std::size_t start) {
    backup();
    emit_simple(TokenKind::Number, start, pos_);
  }

  void number(int c, std::size_t start) {
    if (c == '0') {
      c = next();
      if (c == 'x' || c == 'X') {
        c = next();
        do {
          if (c == '_') c = next();
          if (!is_xdigit(c)) {
            backup();
            return error_here("invalid hexadecimal literal");
          }
          do {
            c = next();
          } while (is_xdigit(c));
        } while (c == '_');
        if (!verify_end_of_number(c, "hexadecimal")) return;
      } else if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
        const bool octal = c == 'o' || c == 'O';
        const char* kind = octal ? "octal" : "binary";
        const int limit = octal ? '8' : '2';
        c = next();
        do {
          if (c == '_') c = next();
          if (c < '0' || c >= limit) {
            if (is_digit(c)) {
              return error_here(std::string("invalid digit '") + static_cast<char>(c) + "' in " +
                                kind + " literal");
            }
            backup();
            return error_here(std::string("invalid ") + kind + " literal");
          }
          do {
            c = next();
          } while (c >= '0' && c < limit);
        } while (c == '_');
        if (is_digit(c)) {
          return error_here(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind +
                            " literal");
        }
        if (!verify_end_of_number(c, kind)) return;
      } else {
        bool nonzero = false;
        for (;;) {
          if (c == '_') {
            c = next();
            if (!is_digit(c)) {
              backup();
              return error_here("invalid decimal literal");
            }
          }
          if (c != '0') break;
          c = next();
        }
        std::size_t zeros_end = pos_;
        if (is_digit(c)) {
          nonzero = true;
          c = decimal_tail();
          if (c == 0) return;
        }
        if (c == '.') {
          c = next();
          return fraction(c, start);
        }
        if (c == 'e' || c == 'E') return exponent(c, start);
        if (c == 'j' || c == 'J') return imaginary(start);
        if (nonzero) {
          backup();
          return error_range(
              "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
              "octal integers",
              start, zeros_end - 1);
        }
        if (!verify_end_of_number(c, "decimal")) return;
      }
      return finish_number(start);
    }
    c = decimal_tail();
    if (c == 0) return;
    if (c == '.') {
      c = next();
      return fraction(c, start);
    }
    if (c == 'e' || c == 'E') return exponent(c, start);
    if (c == 'j' || c == 'J') return imaginary(start);
    if (!verify_end_of_number(c, "decimal")) return;
    finish_number(start);
  }

  void number_fraction(std::size_t start) { fraction(next(), start); }

  void fraction(int c, std::size_t start) {
    if (is_digit(c)) {
      c = decimal_tail();
      if (c == 0) return;
    }
    if (c == 'e' || c == 'E') return exponent(c, start);
    if (c == 'j' || c == 'J') return imaginary(start);
    if (!verify_end_of_number(c, "decimal")) return;
    finish_number(start);
  }

  void exponent(int e, std::size_t start) {
    int c = next();
    if (c == '+' || c == '-') {
      c = next();
      if (!is_digit(c)) {
        backup();
        return error_here("invalid decimal literal");
      }
    } else if (!is_digit(c)) {
      backup();
      if (!verify_end_of_number(e, "decimal")) return;
      backup();  // the 'e' is not part of the number
      emit_simple(TokenKind::Number, start, pos_);
      return;
    }
    c = decimal_tail();
    if (c == 0) return;
    if (c == 'j' || c == 'J') return imaginary(start);
    if (!verify_end_of_number(c, "decimal")) return;
    finish_number(start);
  }

  void imaginary(std::size_t start) {
    int c = next();
    if (!verify_end_of_number(c, "imaginary")) return;
    finish_number(start);
  }

  // --------------------------------------------------------------- strings
  void string_literal(int quote, std::size_t start, std::size_t quote_pos) {
    (void)quote_pos;
    const int start_line = line_;
    const int start_col = col_of(start);
    int quote_size = 1;
    int c = next();
    if (c == quote) {
      c = next();
      if (c == quote) {
        quote_size = 3;
      } else {
        backup();  // an empty string
        emit(TokenKind::String, start, pos_, start_line, start_col);
        return;
      }
    } else {
      backup();
    }
    int end_quotes = 0;
    while (end_quotes != quote_size) {
      c = next();
      if (c == -1 || (quote_size == 1 && (c == '\n' || c == '\r'))) {
        unterminated(start, start_line, quote_size == 3);
        return;
      }
      if (c == quote) {
        ++end_quotes;
      } else {
        end_quotes = 0;
        if (c == '\\') {
          c = next();  // skip the escaped character, even in raw strings
          if (c == -1) {
            unterminated(start, start_line, quote_size == 3);
            return;
          }
          if (c == '\r' && peek() == '\n') next();
        }
      }
    }
    emit(TokenKind::String, start, pos_, start_line, start_col);
  }

  void unterminated(std::size_t start, int start_line, bool triple) {
    // CPython counts the line where it gave up, at EOF that is the last line.
    int detected = line_;
    if (pos_ > src_.size() && !src_.empty() && src_.back() == '\n') detected = line_ - 1;
    if (!triple && pos_ <= src_.size()) detected = line_ - (src_[pos_ - 1] == '\n' ? 1 : 0);
    LocatedError e;
    e.message = std::string(triple ? "unterminated triple-quoted string literal"
                                   : "unterminated string literal") +
                " (detected at line " + std::to_string(detected) + ")";
    e.lineno = e.end_lineno = start_line;
    e.col = e.end_col = static_cast<int>(start - stream_.line_starts[start_line - 1]);
    e.raw_offset = e.raw_end_offset = chars_before(line_text(stream_, start_line), e.col) + 1;
    fail(TokenizerError::Kind::Direct, std::move(e));
  }

  // ------------------------------------------------------------- operators
  void operator_token(int c, std::size_t start) {
    if (c == '(' || c == '[' || c == '{') {
      if (static_cast<int>(brackets_.size()) >= max_level_) {
        return error_here("too many nested parentheses");
      }
      emit_simple(TokenKind::Op, start, pos_,
                  c == '('   ? Op::LPar
                  : c == '[' ? Op::LSqb
                             : Op::LBrace);
      brackets_.push_back(Bracket{static_cast<char>(c), line_, col_of(start)});
      return;
    }
    if (c == ')' || c == ']' || c == '}') {
      if (brackets_.empty()) {
        return error_here(std::string("unmatched '") + static_cast<char>(c) + "'");
      }
      Bracket open = brackets_.back();
      char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
      if (c != expected) {
        std::string message = std::string("closing parenthesis '") + static_cast<char>(c) +
                              "' does not match opening parenthesis '" + open.ch + "'";
        if (open.lineno != line_) message += " on line " + std::to_string(open.lineno);
        return error_here(std::move(message));
      }
      brackets_.pop_back();
      emit_simple(TokenKind::Op, start, pos_,
                  c == ')'   ? Op::RPar
                  : c == ']' ? Op::RSqb
                             : Op::RBrace);
      return;
    }
    if (c < 32 || c == 127) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%04X", c);
      return error_here(std::string("invalid non-printable character U+") + hex);
    }
    Op op = Op::None;
    int c2 = peek();
    int c3 = peek(1);
    int length = 1;
    auto two = [&](int second, Op result) {
      if (c2 == second) {
        op = result;
        length = 2;
        return true;
      }
      return false;
    };
    auto three = [&](int second, int third, Op result) {
      if (c2 == second && c3 == third) {
        op = result;
        length = 3;
        return true;
      }
      return false;
    };
    switch (c) {
      case ':':
        two('=', Op::ColonEqual) || (op = Op::Colon, true);
        break;
      case ',':
        op = Op::Comma;
        break;
      case ';':
        op = Op::Semi;
        break;
      case '+':
        two('=', Op::PlusEqual) || (op = Op::Plus, true);
        break;
      case '-':
        two('=', Op::MinEqual) || two('>', Op::RArrow) || (op = Op::Minus, true);
        break;
      case '*':
        three('*', '=', Op::DoubleStarEqual) || two('*', Op::DoubleStar) ||
            two('=', Op::StarEqual) || (op = Op::Star, true);
        break;
      case '/':
        three('/', '=', Op::DoubleSlashEqual) || two('/', Op::DoubleSlash) ||
            two('=', Op::SlashEqual) || (op = Op::Slash, true);
        break;
      case '|':
        two('=', Op::VBarEqual) || (op = Op::VBar, true);
        break;
      case '&':
        two('=', Op::AmperEqual) || (op = Op::Amper, true);
        break;
      case '<':
        three('<', '=', Op::LeftShiftEqual) || two('<', Op::LeftShift) || two('=', Op::LessEqual) ||
            two('>', Op::NotEqual) || (op = Op::Less, true);
        break;
      case '>':
        three('>', '=', Op::RightShiftEqual) || two('>', Op::RightShift) ||
            two('=', Op::GreaterEqual) || (op = Op::Greater, true);
        break;
      case '=':
        two('=', Op::EqEqual) || (op = Op::Equal, true);
        break;
      case '!':
        two('=', Op::NotEqual) || (op = Op::Exclamation, true);
        break;
      case '%':
        two('=', Op::PercentEqual) || (op = Op::Percent, true);
        break;
      case '~':
        op = Op::Tilde;
        break;
      case '^':
        two('=', Op::CircumFlexEqual) || (op = Op::CircumFlex, true);
        break;
      case '@':
        two('=', Op::AtEqual) || (op = Op::At, true);
        break;
      default:
        op = Op::None;
        break;  // `$`, `?`, backtick: the parser says "invalid syntax"
    }
    for (int i = 1; i < length; ++i) next();
    emit_simple(TokenKind::Op, start, pos_, op);
  }

  struct Bracket {
    char ch;
    int lineno;
    int col;
  };

  std::string_view src_;
  int max_level_;
  int max_indent_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  bool at_line_start_ = true;
  bool blank_line_ = false;
  bool done_ = false;
  int pending_ = 0;
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<Bracket> brackets_;
  TokenStream stream_;
};

}  // namespace

TokenStream tokenize(std::string_view source, int max_level, int max_indent) {
  return Tokenizer(source, max_level, max_indent).run();
}

std::string_view line_text(const TokenStream& stream, int lineno) {
  if (lineno < 1 || lineno > static_cast<int>(stream.line_starts.size())) return {};
  std::size_t start = stream.line_starts[lineno - 1];
  std::size_t end = start;
  while (end < stream.source.size() && stream.source[end] != '\n') ++end;
  if (end > start && stream.source[end - 1] == '\r') --end;
  return stream.source.substr(start, end - start);
}

int chars_before(std::string_view line, int byte_col) {
  int count = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++count;
  }
  if (byte_col > static_cast<int>(line.size())) count += byte_col - static_cast<int>(line.size());
  return count;
}

}  // namespace quire::lang::syntax
