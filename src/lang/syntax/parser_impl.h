#pragma once
// The recursive-descent parser (internal). Grammar and error messages follow
// CPython 3.11's Grammar/python.gram, including the "invalid_*" rules that
// produce its specific messages. Implementation is split by topic:
//   parser_core.cpp         tokens, errors, entry points, error priority
//   parse_statements.cpp    statements and blocks
//   parse_expressions.cpp   expressions, calls, displays, comprehensions
//   parse_strings.cpp       string concatenation and f-strings
//   targets.cpp             assignment/deletion targets and their errors

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "lang/syntax/arena.h"
#include "lang/syntax/ast.h"
#include "lang/syntax/parser.h"
#include "lang/syntax/tokenizer.h"

namespace quire::lang::syntax {

// Thrown inside the parser only; caught at the API boundary.
struct ParseFailure {
  LocatedError error;
  bool generic = false;      // a plain "invalid syntax"
  bool from_tokens = false;  // the tokenizer's error, reached by the parser
  bool final = false;        // not overridden by later tokenizer errors
};

const char* expr_name(const Expr* e);  // CPython's _PyPegen_get_expr_name

class Parser {
 public:
  Parser(const TokenStream& stream, Arena& arena, const ParseLimits& limits);

  Module* file();
  Expr* eval_input();
  // Parses "(expr)" from an f-string replacement field; see parse_strings.cpp.
  Expr* fstring_replacement(bool& yield_allowed);

  int furthest_line() const;
  const TokenStream& stream() const { return stream_; }
  // Set for parsers of f-string expressions: prefixes error messages.
  bool in_fstring = false;
  int fstring_depth = 0;

 private:
  friend struct DepthGuard;
  friend struct ChainDepth;
  // ---------------------------------------------------------------- tokens
  const Token& peek(int ahead = 0);
  const Token& advance();
  const Token& previous() const { return stream_.tokens[pos_ - 1]; }
  bool at_op(Op op, int ahead = 0) {
    return peek(ahead).kind == TokenKind::Op && peek(ahead).op == op;
  }
  bool at_kw(KeywordKind kw, int ahead = 0) {
    return peek(ahead).kind == TokenKind::Name && peek(ahead).keyword == kw;
  }
  bool at_kind(TokenKind kind, int ahead = 0) { return peek(ahead).kind == kind; }
  bool at_name(int ahead = 0) {
    return peek(ahead).kind == TokenKind::Name && peek(ahead).keyword == KeywordKind::None;
  }
  bool accept_op(Op op);
  bool accept_kw(KeywordKind kw);
  const Token& expect_op(Op op);
  const Token& expect_kw(KeywordKind kw);
  const Token& expect_name();
  // "expected ':'": CPython forces the colon after def/try/finally/else
  // headers (any other token is the error); after if/elif/while/for/with/
  // except/class headers only a missing colon at the end of the line gets it.
  void expect_colon(bool forced);
  std::string_view text(const Token& t) const {
    return stream_.source.substr(t.start, t.end - t.start);
  }
  bool starts_expression(int ahead = 0);

  // ---------------------------------------------------------------- errors
  [[noreturn]] void fail_at(const Token& t, std::string message, const char* type = "SyntaxError");
  [[noreturn]] void fail_range(const Located& from, const Located& to, std::string message);
  [[noreturn]] void fail_node(const Located& node, std::string message);
  [[noreturn]] void fail_tokens(const Token& from, const Token& to, std::string message);
  [[noreturn]] void fail_generic();  // "invalid syntax" at the current token
  [[noreturn]] void fail_indentation(const Token& t, std::string message);
  [[noreturn]] void fail_unsupported(const Token& t, std::string what);

  // ----------------------------------------------------------------- nodes
  template <class T>
  T* make(const Token& start) {
    T* n = arena_.make<T>();
    n->lineno = start.lineno;
    n->col_offset = start.col;
    return n;
  }
  template <class T>
  T* make_at(const Located& start) {
    T* n = arena_.make<T>();
    n->lineno = start.lineno;
    n->col_offset = start.col_offset;
    return n;
  }
  void finish(Located* n) {
    const Token& last = previous();
    n->end_lineno = last.end_lineno;
    n->end_col_offset = last.end_col;
  }
  static void end_at(Located* n, const Located* last) {
    n->end_lineno = last->end_lineno;
    n->end_col_offset = last->end_col_offset;
  }
  static Located loc_of(const Token& t) {
    return Located{t.lineno, t.col, t.end_lineno, t.end_col};
  }

  // ------------------------------------------------------------ statements
  void statements(StmtList& out, bool top_level);
  void statement(StmtList& out);
  void simple_statements(StmtList& out);
  Stmt* simple_statement();
  Stmt* expression_statement();
  Stmt* compound_statement();
  void block(StmtList& out, const Token& keyword, const std::string& what);
  Stmt* function_def(ExprList decorators, const Token& start);
  Stmt* class_def(ExprList decorators, const Token& start);
  Stmt* if_statement(const Token& keyword);
  Stmt* while_statement();
  Stmt* for_statement();
  Stmt* try_statement();
  Stmt* with_statement();
  Stmt* import_statement();
  Stmt* import_from_statement();
  Stmt* raise_statement();
  Stmt* return_statement();
  Stmt* del_statement();
  Stmt* assert_statement();
  Stmt* global_statement(bool nonlocal);
  bool looks_like_match_statement();
  std::string dotted_name();
  Alias* import_alias(bool dotted);

  // ----------------------------------------------------------- expressions
  Expr* star_expressions();  // a, *b, c  -> Tuple
  Expr* star_expression();
  Expr* star_named_expression();
  Expr* named_expression();
  Expr* expression();
  Expr* expression_without_invalid();
  Expr* yield_expression();
  Expr* disjunction();
  Expr* conjunction();
  // `operand (keyword operand)*`: one BoolOp of every operand, or the single
  // operand itself (disjunction: `or` over conjunctions; conjunction: `and`
  // over inversions).
  Expr* bool_operation(KeywordKind keyword, BoolOpKind kind, Expr* (Parser::*operand)());
  Expr* inversion();
  Expr* comparison();
  Expr* bitwise_or();
  Expr* bitwise_xor();
  Expr* bitwise_and();
  Expr* shift_expr();
  Expr* sum();
  Expr* term();
  Expr* factor();
  Expr* power();
  Expr* primary();
  Expr* atom();
  Expr* lambda();
  Arguments* parameters(bool lambda, Op closing);
  Arg* parameter(bool lambda);
  Expr* call(Expr* func, const Token& start);
  Expr* subscript(Expr* value, const Token& start);
  Expr* slice_item();
  Expr* paren_atom();
  Expr* list_atom();
  Expr* brace_atom();
  void dict_value_check();
  Expr* dict_display_rest(Dict* d);
  void comprehension_clauses(std::vector<Comprehension*>& out);
  Expr* comprehension_target(bool allow_tuple = true);
  Expr* strings();
  Expr* number(const Token& t);
  void check_invalid_expression(const Token& start, Expr* a);
  void check_equals_in_named_context(const Token& start, Expr* e);

  // --------------------------------------------------------------- strings
  void fstring_body(std::string_view body, std::size_t body_offset, const Token& token, bool raw,
                    int depth, ExprList& parts, std::string& literal, std::size_t& i, bool in_spec);
  Expr* fstring_expression(std::string_view expr_text, std::size_t source_offset,
                           const Token& token);
  void flush_literal(ExprList& parts, std::string& literal, bool force);
  Located strings_span_;

  // --------------------------------------------------------------- targets
  enum class TargetKind { Star, For, Del };
  void set_context(Expr* e, ExprContext ctx);
  Expr* invalid_target(Expr* e, TargetKind kind);
  void check_target(Expr* e, TargetKind kind);
  void fail_assignment(const std::vector<std::size_t>& target_starts, ExprList& targets);
  std::size_t token_index_at(const Located& node, std::size_t from) const;
  bool is_parenthesized(const Expr* e) const { return parenthesized_.count(e) != 0; }

  const TokenStream& stream_;
  Arena& arena_;
  ParseLimits limits_;
  std::size_t pos_ = 0;
  std::size_t furthest_ = 0;
  int depth_ = 0;
  int max_depth_;
  bool checks_enabled_ = true;
  bool in_class_bases_ =
      false;  // `class A(x for x in y)` is invalid  // CPython's second-pass "invalid_" rules
  std::unordered_set<const Expr*> parenthesized_;
};

// Left-recursive chains (a + b + c..., f()()..., a.b.c...) are parsed by
// loops but still build trees as deep as they are long; every consumer of the
// tree recurses, so their length counts as nesting too.
struct ChainDepth {
  explicit ChainDepth(Parser& p) : parser(p) {}
  ~ChainDepth();
  void step();
  Parser& parser;
  int added = 0;
};

// Bounds the recursion of the parser (nested brackets, unary chains,
// lambdas and conditional expressions, blocks).
struct DepthGuard {
  explicit DepthGuard(Parser& p);
  ~DepthGuard() { --parser.depth_; }
  Parser& parser;
};

}  // namespace quire::lang::syntax
