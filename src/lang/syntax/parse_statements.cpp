// Statements and blocks (CPython grammar: statements ... block).

#include "lang/syntax/parser_impl.h"

namespace quire::lang::syntax {

Module* Parser::file() {
  Module* module = arena_.make<Module>();
  statements(module->body, true);
  return module;
}

Expr* Parser::eval_input() {
  // Like eval(), leading blanks are not an indentation.
  while (at_kind(TokenKind::Newline) || at_kind(TokenKind::Indent)) advance();
  Expr* e = star_expressions();
  while (at_kind(TokenKind::Newline) || at_kind(TokenKind::Dedent)) advance();
  if (!at_kind(TokenKind::EndMarker)) fail_generic();
  return e;
}

void Parser::statements(StmtList& out, bool top_level) {
  for (;;) {
    const Token& t = peek();
    if (t.kind == TokenKind::EndMarker) {
      if (!top_level) fail_generic();
      return;
    }
    if (t.kind == TokenKind::Dedent) {
      if (top_level) fail_generic();
      return;
    }
    if (t.kind == TokenKind::Indent) fail_indentation(t, "unexpected indent");
    statement(out);
  }
}

void Parser::statement(StmtList& out) {
  if (Stmt* s = compound_statement()) {
    out.push_back(s);
    return;
  }
  simple_statements(out);
}

void Parser::simple_statements(StmtList& out) {
  for (;;) {
    out.push_back(simple_statement());
    if (accept_op(Op::Semi)) {
      if (at_kind(TokenKind::Newline)) break;
      continue;
    }
    break;
  }
  if (!at_kind(TokenKind::Newline)) fail_generic();
  advance();
}

bool Parser::looks_like_match_statement() {
  // `match` is a soft keyword: `match x:` starts a match statement, while
  // `match(x)` or `match = 1` are ordinary code. A statement starting with
  // `match` followed by an expression and ending with ':' is a match.
  if (!starts_expression(1) || at_op(Op::Minus, 1) || at_op(Op::Plus, 1) || at_op(Op::Tilde, 1)) {
    if (!(at_op(Op::Minus, 1) || at_op(Op::Tilde, 1))) return false;
  }
  std::size_t i = pos_ + 1;
  int level = 0;
  const Token* last = nullptr;
  while (i < stream_.tokens.size()) {
    const Token& t = stream_.tokens[i];
    if (t.kind == TokenKind::Newline || t.kind == TokenKind::EndMarker) break;
    if (t.kind == TokenKind::Op) {
      if (t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace) ++level;
      if (t.op == Op::RPar || t.op == Op::RSqb || t.op == Op::RBrace) --level;
      if (level == 0 && t.op == Op::Colon && i == pos_ + 1) return false;
    }
    last = &t;
    ++i;
  }
  if (last == nullptr || last->kind != TokenKind::Op || last->op != Op::Colon) return false;
  if (at_op(Op::LPar, 1) || at_op(Op::LSqb, 1)) {
    // `match(x):` is still a match statement only if what follows the
    // bracket is not an operator continuing an expression statement.
    return true;
  }
  return true;
}

Stmt* Parser::compound_statement() {
  const Token& t = peek();
  if (t.kind == TokenKind::Op && t.op == Op::At) {
    ExprList decorators;
    while (at_op(Op::At)) {
      advance();
      decorators.push_back(named_expression());
      if (!at_kind(TokenKind::Newline)) fail_generic();
      advance();
    }
    const Token& start = peek();
    if (at_kw(KeywordKind::Def)) return function_def(std::move(decorators), start);
    if (at_kw(KeywordKind::Class)) return class_def(std::move(decorators), start);
    if (at_kw(KeywordKind::Async)) fail_unsupported(start, "'async' is");
    fail_generic();
  }
  if (t.kind != TokenKind::Name) return nullptr;
  switch (t.keyword) {
    case KeywordKind::Def:
      return function_def({}, t);
    case KeywordKind::Class:
      return class_def({}, t);
    case KeywordKind::If:
      return if_statement(advance());
    case KeywordKind::While:
      return while_statement();
    case KeywordKind::For:
      return for_statement();
    case KeywordKind::Try:
      return try_statement();
    case KeywordKind::With:
      return with_statement();
    case KeywordKind::Async:
      fail_unsupported(t, "'async' is");
    case KeywordKind::None:
      if (text(t) == "match" && looks_like_match_statement()) {
        fail_unsupported(t, "'match' statements are");
      }
      return nullptr;
    default:
      return nullptr;
  }
}

void Parser::block(StmtList& out, const Token& keyword, const std::string& what) {
  DepthGuard guard(*this);
  if (at_kind(TokenKind::Newline)) {
    advance();
    if (!at_kind(TokenKind::Indent)) {
      std::string message = "expected an indented block";
      if (!what.empty()) message += " after " + what + " on line " + std::to_string(keyword.lineno);
      const Token& next = peek();
      ParseFailure failure;
      failure.error.type = "IndentationError";
      failure.error.message = std::move(message);
      failure.error.lineno = next.lineno;
      failure.error.col = next.col;
      failure.error.end_lineno = next.end_lineno;
      failure.error.end_col = next.end_col;
      if (next.kind == TokenKind::EndMarker || next.kind == TokenKind::Dedent) {
        failure.error.raw_end_offset = -1;
      }
      throw failure;
    }
    advance();
    statements(out, false);
    if (!at_kind(TokenKind::Dedent)) fail_generic();
    advance();
    return;
  }
  simple_statements(out);
}

namespace {
void end_at_last(Located* n, const StmtList& body) {
  n->end_lineno = body.back()->end_lineno;
  n->end_col_offset = body.back()->end_col_offset;
}
}  // namespace

Stmt* Parser::function_def(ExprList decorators, const Token& start) {
  const Token& def = expect_kw(KeywordKind::Def);
  auto* f = make<FunctionDef>(decorators.empty() ? def : start);
  if (!decorators.empty()) {
    f->lineno = def.lineno;
    f->col_offset = def.col;
  }
  f->decorator_list = std::move(decorators);
  f->name = std::string(text(expect_name()));
  if (!at_op(Op::LPar)) fail_at(peek(), "expected '('");
  advance();
  f->args = parameters(false, Op::RPar);
  expect_op(Op::RPar);
  if (at_op(Op::RArrow)) {
    // `-> annotation` is optional before CPython's forced ':'; when the
    // annotation does not parse, the error is the missing ':' at '->'.
    const std::size_t arrow = pos_;
    advance();
    try {
      f->returns = expression();
    } catch (ParseFailure& failure) {
      if (!failure.generic) throw;
      pos_ = arrow;
      fail_at(peek(), "expected ':'");
    }
  }
  expect_colon(true);
  block(f->body, def, "function definition");
  end_at_last(f, f->body);
  return f;
}

Stmt* Parser::class_def(ExprList decorators, const Token& start) {
  (void)start;
  const Token& cls = expect_kw(KeywordKind::Class);
  auto* c = make<ClassDef>(cls);
  c->decorator_list = std::move(decorators);
  c->name = std::string(text(expect_name()));
  if (at_op(Op::LPar)) {
    auto* fake = arena_.make<Name>();
    in_class_bases_ = true;
    Expr* e = call(fake, cls);
    in_class_bases_ = false;
    auto* as_call = static_cast<Call*>(e);
    c->bases = std::move(as_call->args);
    c->keywords = std::move(as_call->keywords);
  }
  expect_colon(false);
  block(c->body, cls, "class definition");
  end_at_last(c, c->body);
  return c;
}

Stmt* Parser::if_statement(const Token& keyword) {
  auto* s = make<If>(keyword);
  s->test = named_expression();
  expect_colon(false);
  const char* what = keyword.keyword == KeywordKind::If ? "'if' statement" : "'elif' statement";
  block(s->body, keyword, what);
  end_at_last(s, s->body);
  if (at_kw(KeywordKind::Elif)) {
    Stmt* nested = if_statement(advance());
    s->orelse.push_back(nested);
    end_at_last(s, s->orelse);
  } else if (at_kw(KeywordKind::Else)) {
    const Token& else_token = advance();
    expect_colon(true);
    block(s->orelse, else_token, "'else' statement");
    end_at_last(s, s->orelse);
  }
  return s;
}

Stmt* Parser::while_statement() {
  const Token& keyword = advance();
  auto* s = make<While>(keyword);
  s->test = named_expression();
  expect_colon(false);
  block(s->body, keyword, "'while' statement");
  end_at_last(s, s->body);
  if (at_kw(KeywordKind::Else)) {
    const Token& else_token = advance();
    expect_colon(true);
    block(s->orelse, else_token, "'else' statement");
    end_at_last(s, s->orelse);
  }
  return s;
}

Stmt* Parser::for_statement() {
  const Token& keyword = advance();
  auto* s = make<For>(keyword);
  s->target = comprehension_target();
  if (!at_kw(KeywordKind::In)) fail_generic();
  advance();
  s->iter = star_expressions();
  expect_colon(false);
  block(s->body, keyword, "'for' statement");
  end_at_last(s, s->body);
  if (at_kw(KeywordKind::Else)) {
    const Token& else_token = advance();
    expect_colon(true);
    block(s->orelse, else_token, "'else' statement");
    end_at_last(s, s->orelse);
  }
  return s;
}

Stmt* Parser::try_statement() {
  const Token& keyword = advance();
  auto* s = make<Try>(keyword);
  expect_colon(true);
  block(s->body, keyword, "'try' statement");
  end_at_last(s, s->body);
  const ExceptHandler* bare_handler = nullptr;
  while (at_kw(KeywordKind::Except)) {
    if (bare_handler) fail_node(*bare_handler, "default 'except:' must be last");
    const Token& except = advance();
    if (at_op(Op::Star)) fail_unsupported(except, "'except*' is");
    auto* h = make<ExceptHandler>(except);
    if (!at_op(Op::Colon)) {
      const Token& type_start = peek();
      h->type = expression();
      if (at_op(Op::Comma)) {
        // `except A, B:` is Python 2 syntax.
        std::size_t save = pos_;
        advance();
        Expr* rest = expression();
        (void)rest;
        if (at_op(Op::Colon) || at_kw(KeywordKind::As)) {
          fail_range(*h->type, *rest, "multiple exception types must be parenthesized");
        }
        pos_ = save;
        (void)type_start;
      }
      if (accept_kw(KeywordKind::As)) {
        h->name = std::string(text(expect_name()));
      }
    }
    expect_colon(false);
    block(h->body, except, "'except' statement");
    end_at_last(h, h->body);
    if (!h->type) bare_handler = h;
    s->handlers.push_back(h);
    end_at_last(s, h->body);
  }
  if (at_kw(KeywordKind::Else)) {
    if (s->handlers.empty()) fail_at(peek(), "expected 'except' or 'finally' block");
    const Token& else_token = advance();
    expect_colon(true);
    block(s->orelse, else_token, "'else' statement");
    end_at_last(s, s->orelse);
  }
  if (at_kw(KeywordKind::Finally)) {
    const Token& finally = advance();
    expect_colon(true);
    block(s->finalbody, finally, "'finally' statement");
    end_at_last(s, s->finalbody);
  }
  if (s->handlers.empty() && s->finalbody.empty()) {
    fail_at(peek(), "expected 'except' or 'finally' block");
  }
  return s;
}

Stmt* Parser::with_statement() {
  const Token& keyword = advance();
  auto* s = make<With>(keyword);
  auto with_item = [&](bool in_parens) {
    auto* item = arena_.make<WithItem>();
    item->context_expr = expression();
    if (accept_kw(KeywordKind::As)) {
      Expr* target = comprehension_target(false);
      // CPython: the target must be followed by ',', ')' or ':'.
      if (!(at_op(Op::Comma) || at_op(Op::Colon) || (in_parens && at_op(Op::RPar)))) {
        fail_generic();
      }
      item->optional_vars = target;
    }
    return item;
  };
  bool parsed = false;
  if (at_op(Op::LPar)) {
    // `with (a as b, c):` (parenthesized items) or `with (a, b):` (a tuple).
    std::size_t save = pos_;
    try {
      advance();
      std::vector<WithItem*> items;
      items.push_back(with_item(true));
      while (accept_op(Op::Comma)) {
        if (at_op(Op::RPar)) break;
        items.push_back(with_item(true));
      }
      expect_op(Op::RPar);
      if (!at_op(Op::Colon)) fail_generic();
      s->items = std::move(items);
      parsed = true;
    } catch (ParseFailure& failure) {
      if (failure.from_tokens) throw;
      pos_ = save;
    }
  }
  if (!parsed) {
    s->items.push_back(with_item(false));
    while (accept_op(Op::Comma)) s->items.push_back(with_item(false));
  }
  expect_colon(false);
  block(s->body, keyword, "'with' statement");
  end_at_last(s, s->body);
  return s;
}

std::string Parser::dotted_name() {
  std::string name(text(expect_name()));
  while (at_op(Op::Dot)) {
    advance();
    name += '.';
    name += text(expect_name());
  }
  return name;
}

Alias* Parser::import_alias(bool dotted) {
  const Token& start = peek();
  auto* a = make<Alias>(start);
  a->name = dotted ? dotted_name() : std::string(text(expect_name()));
  if (accept_kw(KeywordKind::As)) a->asname = std::string(text(expect_name()));
  finish(a);
  return a;
}

Stmt* Parser::import_statement() {
  const Token& keyword = advance();
  auto* s = make<Import>(keyword);
  s->names.push_back(import_alias(true));
  while (accept_op(Op::Comma)) s->names.push_back(import_alias(true));
  finish(s);
  return s;
}

Stmt* Parser::import_from_statement() {
  const Token& keyword = advance();
  auto* s = make<ImportFrom>(keyword);
  while (at_op(Op::Dot) || at_op(Op::Ellipsis)) {
    s->level += at_op(Op::Dot) ? 1 : 3;
    advance();
  }
  if (!at_kw(KeywordKind::Import)) {
    s->module = dotted_name();
  } else if (s->level == 0) {
    fail_generic();
  }
  expect_kw(KeywordKind::Import);
  if (at_op(Op::Star)) {
    const Token& star = advance();
    auto* a = make<Alias>(star);
    a->name = "*";
    finish(a);
    s->names.push_back(a);
  } else if (accept_op(Op::LPar)) {
    s->names.push_back(import_alias(false));
    while (accept_op(Op::Comma)) {
      if (at_op(Op::RPar)) break;
      s->names.push_back(import_alias(false));
    }
    expect_op(Op::RPar);
  } else {
    s->names.push_back(import_alias(false));
    while (accept_op(Op::Comma)) {
      if (at_kind(TokenKind::Newline)) {
        fail_at(peek(), "trailing comma not allowed without surrounding parentheses");
      }
      s->names.push_back(import_alias(false));
    }
  }
  finish(s);
  return s;
}

Stmt* Parser::raise_statement() {
  const Token& keyword = advance();
  auto* s = make<Raise>(keyword);
  if (starts_expression() || at_op(Op::Star)) {
    s->exc = expression();
    if (accept_kw(KeywordKind::From)) s->cause = expression();
  }
  finish(s);
  return s;
}

Stmt* Parser::return_statement() {
  const Token& keyword = advance();
  auto* s = make<Return>(keyword);
  if (starts_expression() || at_op(Op::Star)) s->value = star_expressions();
  finish(s);
  return s;
}

Stmt* Parser::del_statement() {
  const Token& keyword = advance();
  auto* s = make<Delete>(keyword);
  for (;;) {
    const Token& start = peek();
    Expr* target;
    if (at_op(Op::Star)) {
      advance();
      auto* starred = make<Starred>(start);
      starred->value = bitwise_or();
      finish(starred);
      target = starred;
    } else {
      target = bitwise_or();
    }
    check_target(target, TargetKind::Del);
    set_context(target, ExprContext::Del);
    s->targets.push_back(target);
    if (!accept_op(Op::Comma)) break;
    if (at_kind(TokenKind::Newline) || at_op(Op::Semi)) break;
  }
  if (!(at_kind(TokenKind::Newline) || at_op(Op::Semi))) fail_generic();
  finish(s);
  return s;
}

Stmt* Parser::assert_statement() {
  const Token& keyword = advance();
  auto* s = make<Assert>(keyword);
  s->test = expression();
  if (accept_op(Op::Comma)) s->msg = expression();
  finish(s);
  return s;
}

Stmt* Parser::global_statement(bool nonlocal) {
  const Token& keyword = advance();
  Stmt* s;
  std::vector<std::string>* names;
  if (nonlocal) {
    auto* n = make<Nonlocal>(keyword);
    names = &n->names;
    s = n;
  } else {
    auto* g = make<Global>(keyword);
    names = &g->names;
    s = g;
  }
  names->emplace_back(text(expect_name()));
  while (accept_op(Op::Comma)) names->emplace_back(text(expect_name()));
  finish(s);
  return s;
}

Stmt* Parser::simple_statement() {
  const Token& t = peek();
  if (t.kind == TokenKind::Name) {
    switch (t.keyword) {
      case KeywordKind::Pass: {
        auto* s = make<Pass>(advance());
        finish(s);
        return s;
      }
      case KeywordKind::Break: {
        auto* s = make<Break>(advance());
        finish(s);
        return s;
      }
      case KeywordKind::Continue: {
        auto* s = make<Continue>(advance());
        finish(s);
        return s;
      }
      case KeywordKind::Return:
        return return_statement();
      case KeywordKind::Import:
        return import_statement();
      case KeywordKind::From:
        return import_from_statement();
      case KeywordKind::Raise:
        return raise_statement();
      case KeywordKind::Del:
        return del_statement();
      case KeywordKind::Assert:
        return assert_statement();
      case KeywordKind::Global:
        return global_statement(false);
      case KeywordKind::Nonlocal:
        return global_statement(true);
      default:
        break;
    }
  }
  return expression_statement();
}

namespace {
bool is_augassign(Op op, OperatorKind& kind) {
  switch (op) {
    case Op::PlusEqual:
      kind = OperatorKind::Add;
      return true;
    case Op::MinEqual:
      kind = OperatorKind::Sub;
      return true;
    case Op::StarEqual:
      kind = OperatorKind::Mult;
      return true;
    case Op::AtEqual:
      kind = OperatorKind::MatMult;
      return true;
    case Op::SlashEqual:
      kind = OperatorKind::Div;
      return true;
    case Op::PercentEqual:
      kind = OperatorKind::Mod;
      return true;
    case Op::AmperEqual:
      kind = OperatorKind::BitAnd;
      return true;
    case Op::VBarEqual:
      kind = OperatorKind::BitOr;
      return true;
    case Op::CircumFlexEqual:
      kind = OperatorKind::BitXor;
      return true;
    case Op::LeftShiftEqual:
      kind = OperatorKind::LShift;
      return true;
    case Op::RightShiftEqual:
      kind = OperatorKind::RShift;
      return true;
    case Op::DoubleStarEqual:
      kind = OperatorKind::Pow;
      return true;
    case Op::DoubleSlashEqual:
      kind = OperatorKind::FloorDiv;
      return true;
    default:
      return false;
  }
}
}  // namespace

Stmt* Parser::expression_statement() {
  const Token& start = peek();
  std::size_t first_start = pos_;
  Expr* first = at_kw(KeywordKind::Yield) ? yield_expression() : star_expressions();

  // A yield expression can only be followed by '=' (an error) or the end of
  // the statement: CPython's target rules never start with `yield`.
  const bool starts_with_yield =
      first->kind == ExprKind::Yield || first->kind == ExprKind::YieldFrom;

  // Annotated assignment: target ':' annotation ['=' value]
  if (at_op(Op::Colon)) {
    if (starts_with_yield && !is_parenthesized(first)) fail_generic();
    Expr* target = first;
    if (!(target->kind == ExprKind::Name || target->kind == ExprKind::Attribute ||
          target->kind == ExprKind::Subscript)) {
      // CPython's invalid_assignment needs `target ':' expression` to parse.
      std::size_t save = pos_;
      advance();
      bool annotation_parses = true;
      try {
        expression_without_invalid();
      } catch (ParseFailure& failure) {
        if (failure.from_tokens) throw;
        annotation_parses = false;
      }
      pos_ = save;
      if (!annotation_parses) fail_generic();
    }
    auto* tuple = target->as<Tuple>();
    if (tuple && !is_parenthesized(tuple) && !tuple->elts.empty()) {
      fail_node(*tuple->elts.front(), "only single target (not tuple) can be annotated");
    }
    if (target->kind == ExprKind::Tuple || target->kind == ExprKind::List) {
      fail_node(*target,
                std::string("only single target (not ") + expr_name(target) + ") can be annotated");
    }
    if (!(target->kind == ExprKind::Name || target->kind == ExprKind::Attribute ||
          target->kind == ExprKind::Subscript)) {
      fail_node(*target, "illegal target for annotation");
    }
    advance();
    auto* s = make<AnnAssign>(start);
    s->target = target;
    set_context(target, ExprContext::Store);
    s->annotation = expression();
    s->simple = target->kind == ExprKind::Name && !is_parenthesized(target) ? 1 : 0;
    if (accept_op(Op::Equal)) {
      s->value = at_kw(KeywordKind::Yield) ? yield_expression() : star_expressions();
    }
    finish(s);
    return s;
  }

  // Augmented assignment.
  OperatorKind op;
  if (peek().kind == TokenKind::Op && is_augassign(peek().op, op)) {
    if (starts_with_yield && !is_parenthesized(first)) fail_generic();
    if (!(first->kind == ExprKind::Name || first->kind == ExprKind::Attribute ||
          first->kind == ExprKind::Subscript)) {
      fail_node(*first, std::string("'") + expr_name(first) +
                            "' is an illegal expression for augmented assignment");
    }
    advance();
    auto* s = make<AugAssign>(start);
    s->target = first;
    set_context(first, ExprContext::Store);
    s->op = op;
    s->value = at_kw(KeywordKind::Yield) ? yield_expression() : star_expressions();
    finish(s);
    return s;
  }

  if (at_op(Op::Equal)) {
    ExprList chain{first};
    std::vector<std::size_t> starts{first_start};
    try {
      while (accept_op(Op::Equal)) {
        starts.push_back(pos_);
        chain.push_back(at_kw(KeywordKind::Yield) ? yield_expression() : star_expressions());
      }
    } catch (ParseFailure& failure) {
      // The tokenizer's error wins (and there may be no token after '=').
      if (failure.from_tokens || starts.back() >= stream_.tokens.size()) throw;
      // CPython's second pass tries invalid_named_expression on the first
      // target wherever the statement failed.
      // Only when the value after the last '=' has no valid prefix at all:
      // otherwise CPython's plain assignment rule succeeds on that prefix.
      const Token& value_start = stream_.tokens[starts.back()];
      const bool value_missing =
          failure.error.lineno == value_start.lineno && failure.error.col == value_start.col;
      if (failure.generic && value_missing && starts.size() > 1) {
        pos_ = starts[1] - 1;
        std::size_t element_start = starts.front();
        Expr* last_element = first;
        if (auto* tuple = first->as<Tuple>(); tuple && !is_parenthesized(tuple)) {
          last_element = tuple->elts.back();
          element_start = token_index_at(*last_element, starts.front());
        }
        if (last_element->kind != ExprKind::Starred) {
          check_equals_in_named_context(stream_.tokens[element_start], last_element);
        }
        // Every expression parsed so far was followed by '=': a target.
        for (Expr* target : chain) {
          if (target->kind == ExprKind::Yield || target->kind == ExprKind::YieldFrom) {
            fail_node(*target, "assignment to yield expression not possible");
          }
          if (Expr* bad = invalid_target(target, TargetKind::Star)) {
            fail_node(*bad, std::string("cannot assign to ") + expr_name(bad));
          }
        }
      }
      throw;
    }
    Expr* value = chain.back();
    chain.pop_back();
    // Validate every target; CPython's error choice is in fail_assignment.
    for (Expr* target : chain) {
      if (target->kind == ExprKind::Yield || target->kind == ExprKind::YieldFrom ||
          invalid_target(target, TargetKind::Star) != nullptr) {
        fail_assignment(starts, chain);
      }
    }
    auto* s = make<Assign>(start);
    for (Expr* target : chain) set_context(target, ExprContext::Store);
    s->targets = std::move(chain);
    s->value = value;
    finish(s);
    return s;
  }

  // A bare expression statement. Legacy `print x` gets CPython's hint.
  if (!at_kind(TokenKind::Newline) && !at_op(Op::Semi)) {
    if (start.kind == TokenKind::Name && (text(start) == "print" || text(start) == "exec") &&
        first->kind == ExprKind::Name && starts_expression()) {
      std::size_t save = pos_;
      try {
        Expr* rest = star_expressions();
        std::string name(text(start));
        fail_range(
            *first, *rest,
            "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
      } catch (ParseFailure& failure) {
        if (failure.error.message.rfind("Missing parentheses", 0) == 0) throw;
        pos_ = save;
      }
    }
    fail_generic();
  }
  auto* s = make<ExprStmt>(start);
  s->value = first;
  finish(s);
  return s;
}

}  // namespace quire::lang::syntax
