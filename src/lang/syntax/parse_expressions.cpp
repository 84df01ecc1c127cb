// Expressions (CPython grammar: star_expressions ... atom), with the
// "invalid_*" rules that give CPython's specific messages.

#include "lang/syntax/literals.h"
#include "lang/syntax/parser_impl.h"

namespace quire::lang::syntax {

Expr* Parser::star_expressions() {
  const Token& start = peek();
  Expr* first = star_expression();
  if (!at_op(Op::Comma)) return first;
  auto* tuple = make<Tuple>(start);
  tuple->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (!(starts_expression() || at_op(Op::Star))) break;
    tuple->elts.push_back(star_expression());
  }
  finish(tuple);
  return tuple;
}

Expr* Parser::star_expression() {
  if (at_op(Op::Star)) {
    const Token& star = advance();
    auto* s = make<Starred>(star);
    s->value = bitwise_or();
    finish(s);
    return s;
  }
  return expression();
}

Expr* Parser::star_named_expression() {
  if (at_op(Op::Star)) {
    const Token& star = advance();
    auto* s = make<Starred>(star);
    s->value = bitwise_or();
    finish(s);
    return s;
  }
  return named_expression();
}

Expr* Parser::named_expression() {
  const Token& start = peek();
  if (start.kind == TokenKind::Name && start.keyword == KeywordKind::None &&
      at_op(Op::ColonEqual, 1)) {
    advance();
    advance();
    auto* target = make<Name>(start);
    target->id = std::string(text(start));
    target->ctx = ExprContext::Store;
    target->end_lineno = start.end_lineno;
    target->end_col_offset = start.end_col;
    auto* n = make<NamedExpr>(start);
    n->target = target;
    n->value = expression();
    finish(n);
    return n;
  }
  Expr* e = expression();
  if (at_op(Op::ColonEqual)) {
    // CPython's invalid_named_expression needs `expr ':=' expression`.
    std::size_t save = pos_;
    advance();
    bool value_parses = true;
    try {
      expression_without_invalid();
    } catch (ParseFailure& failure) {
      if (failure.from_tokens) throw;
      value_parses = false;
    }
    pos_ = save;
    if (!value_parses) fail_generic();
    fail_node(*e, std::string("cannot use assignment expressions with ") + expr_name(e));
  }
  if (at_op(Op::Equal) && checks_enabled_) check_equals_in_named_context(start, e);
  return e;
}

namespace {
// Expressions a `bitwise_or` can produce on its own (no comparison, boolean
// operator, conditional, lambda or starred at the top).
bool is_bitwise_or_level(const Expr* e, bool parenthesized) {
  if (parenthesized) return true;
  switch (e->kind) {
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::Starred:
    case ExprKind::NamedExpr:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return false;
    case ExprKind::UnaryOp:
      return e->as<UnaryOp>()->op != UnaryOpKind::Not;
    default:
      return true;
  }
}
bool is_true_false_none(const Expr* e) {
  const auto* c = e->as<Constant>();
  return c && (c->value_kind == ConstantKind::True || c->value_kind == ConstantKind::False ||
               c->value_kind == ConstantKind::None);
}
}  // namespace

// `x = 1` where a named expression is expected (if/while conditions, list
// elements...): CPython's invalid_named_expression.
void Parser::check_equals_in_named_context(const Token& start, Expr* e) {
  std::size_t save = pos_;
  bool plain_name =
      e->kind == ExprKind::Name && !is_parenthesized(e) && start.kind == TokenKind::Name;
  bool excluded = (e->kind == ExprKind::List || e->kind == ExprKind::Tuple ||
                   e->kind == ExprKind::GeneratorExp || is_true_false_none(e));
  if (!plain_name && (excluded || !is_bitwise_or_level(e, is_parenthesized(e)))) return;
  advance();  // '='
  Expr* value = nullptr;
  bool ok = false;
  bool saved_checks = checks_enabled_;
  checks_enabled_ = false;
  try {
    if (starts_expression()) {
      value = bitwise_or();
      ok = !(at_op(Op::Equal) || at_op(Op::ColonEqual));
    }
  } catch (ParseFailure& failure) {
    checks_enabled_ = saved_checks;
    if (failure.from_tokens) throw;
    ok = false;
  }
  checks_enabled_ = saved_checks;
  if (ok) {
    if (plain_name) {
      fail_range(*e, *value, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    fail_node(*e, std::string("cannot assign to ") + expr_name(e) +
                      " here. Maybe you meant '==' instead of '='?");
  }
  pos_ = save;
}

Expr* Parser::expression() {
  DepthGuard guard(*this);
  if (at_kw(KeywordKind::Lambda)) return lambda();
  const Token& start = peek();
  Expr* a = disjunction();
  if (at_kw(KeywordKind::If)) {
    const std::size_t before_if = pos_;
    advance();
    Expr* test = nullptr;
    if (!checks_enabled_) {
      // Speculating for an error rule: like a PEG parser, fall back to the
      // plain disjunction when the conditional expression does not complete.
      try {
        test = disjunction();
      } catch (ParseFailure& failure) {
        if (failure.from_tokens) throw;
        pos_ = before_if;
        return a;
      }
      if (!at_kw(KeywordKind::Else)) {
        pos_ = before_if;
        return a;
      }
    } else {
      test = disjunction();
    }
    if (!at_kw(KeywordKind::Else)) {
      if (checks_enabled_ && !at_op(Op::Colon)) {
        fail_range(*a, *test, "expected 'else' after 'if' expression");
      }
      fail_generic();
    }
    advance();
    auto* e = make<IfExp>(start);
    e->test = test;
    e->body = a;
    e->orelse = expression();
    finish(e);
    return e;
  }
  if (at_kw(KeywordKind::Async)) fail_unsupported(peek(), "'async' is");
  if (checks_enabled_ && starts_expression()) check_invalid_expression(start, a);
  return a;
}

Expr* Parser::expression_without_invalid() {
  bool saved = checks_enabled_;
  checks_enabled_ = false;
  try {
    Expr* e = expression();
    checks_enabled_ = saved;
    return e;
  } catch (...) {
    checks_enabled_ = saved;
    throw;
  }
}

// Two expressions in a row: CPython's invalid_expression and
// invalid_legacy_expression ("Perhaps you forgot a comma?", print "x").
void Parser::check_invalid_expression(const Token& start, Expr* a) {
  const bool soft_keyword = start.kind == TokenKind::Name && start.keyword == KeywordKind::None &&
                            (text(start) == "match" || text(start) == "case" || text(start) == "_");
  const bool name_then_string =
      start.kind == TokenKind::Name && a->kind == ExprKind::Name && at_kind(TokenKind::String);
  const bool legacy = a->kind == ExprKind::Name && !is_parenthesized(a) &&
                      (a->as<Name>()->id == "print" || a->as<Name>()->id == "exec");
  std::size_t save = pos_;
  if (!soft_keyword && !name_then_string && !legacy) {
    try {
      Expr* b = expression_without_invalid();
      if (previous().level > 0 || (previous().kind == TokenKind::Op &&
                                   (previous().op == Op::RPar || previous().op == Op::RSqb ||
                                    previous().op == Op::RBrace) &&
                                   previous().level > 0)) {
        fail_range(*a, *b, "invalid syntax. Perhaps you forgot a comma?");
      }
    } catch (ParseFailure& failure) {
      if (failure.from_tokens || failure.error.message.rfind("invalid syntax. Perhaps", 0) == 0) {
        throw;
      }
    }
    pos_ = save;
    return;
  }
  if (legacy && !at_op(Op::LPar)) {
    try {
      bool saved = checks_enabled_;
      checks_enabled_ = false;
      Expr* b = star_expressions();
      checks_enabled_ = saved;
      std::string name = a->as<Name>()->id;
      fail_range(*a, *b,
                 "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
    } catch (ParseFailure& failure) {
      checks_enabled_ = true;
      if (failure.from_tokens || failure.error.message.rfind("Missing parentheses", 0) == 0) {
        throw;
      }
    }
    pos_ = save;
  }
}

Expr* Parser::yield_expression() {
  const Token& keyword = expect_kw(KeywordKind::Yield);
  if (accept_kw(KeywordKind::From)) {
    auto* y = make<YieldFrom>(keyword);
    y->value = expression();
    finish(y);
    return y;
  }
  auto* y = make<Yield>(keyword);
  if (starts_expression() || at_op(Op::Star)) y->value = star_expressions();
  finish(y);
  return y;
}

Expr* Parser::disjunction() {
  return bool_operation(KeywordKind::Or, BoolOpKind::Or, &Parser::conjunction);
}

Expr* Parser::conjunction() {
  return bool_operation(KeywordKind::And, BoolOpKind::And, &Parser::inversion);
}

Expr* Parser::bool_operation(KeywordKind keyword, BoolOpKind kind, Expr* (Parser::*operand)()) {
  const Token& start = peek();
  Expr* first = (this->*operand)();
  if (!at_kw(keyword)) return first;
  auto* b = make<BoolOp>(start);
  b->op = kind;
  b->values.push_back(first);
  while (accept_kw(keyword)) b->values.push_back((this->*operand)());
  finish(b);
  return b;
}

Expr* Parser::inversion() {
  if (at_kw(KeywordKind::Not)) {
    DepthGuard guard(*this);
    const Token& t = advance();
    auto* u = make<UnaryOp>(t);
    u->op = UnaryOpKind::Not;
    u->operand = inversion();
    finish(u);
    return u;
  }
  return comparison();
}

Expr* Parser::comparison() {
  const Token& start = peek();
  Expr* left = bitwise_or();
  Compare* cmp = nullptr;
  for (;;) {
    CmpOpKind op;
    const Token& t = peek();
    if (t.kind == TokenKind::Op) {
      switch (t.op) {
        case Op::EqEqual:
          op = CmpOpKind::Eq;
          break;
        case Op::NotEqual:
          op = CmpOpKind::NotEq;
          break;
        case Op::Less:
          op = CmpOpKind::Lt;
          break;
        case Op::LessEqual:
          op = CmpOpKind::LtE;
          break;
        case Op::Greater:
          op = CmpOpKind::Gt;
          break;
        case Op::GreaterEqual:
          op = CmpOpKind::GtE;
          break;
        default:
          goto done;
      }
      advance();
    } else if (t.kind == TokenKind::Name && t.keyword == KeywordKind::In) {
      op = CmpOpKind::In;
      advance();
    } else if (t.kind == TokenKind::Name && t.keyword == KeywordKind::Not &&
               at_kw(KeywordKind::In, 1)) {
      op = CmpOpKind::NotIn;
      advance();
      advance();
    } else if (t.kind == TokenKind::Name && t.keyword == KeywordKind::Is) {
      advance();
      op = accept_kw(KeywordKind::Not) ? CmpOpKind::IsNot : CmpOpKind::Is;
    } else {
      break;
    }
    if (!cmp) {
      cmp = make<Compare>(start);
      cmp->left = left;
    }
    cmp->ops.push_back(op);
    cmp->comparators.push_back(bitwise_or());
  }
done:
  if (!cmp) return left;
  finish(cmp);
  return cmp;
}

#define QUIRE_BINARY_LEVEL(Name, NextLevel, ...) \
  Expr* Parser::Name() {                         \
    const Token& start = peek();                 \
    Expr* left = NextLevel();                    \
    ChainDepth chain(*this);                     \
    for (;;) {                                   \
      OperatorKind op;                           \
      const Token& t = peek();                   \
      if (t.kind != TokenKind::Op) break;        \
      switch (t.op) {                            \
        __VA_ARGS__                              \
        default:                                 \
          return left;                           \
      }                                          \
      advance();                                 \
      chain.step();                              \
      auto* b = make<BinOp>(start);              \
      b->left = left;                            \
      b->op = op;                                \
      b->right = NextLevel();                    \
      finish(b);                                 \
      left = b;                                  \
    }                                            \
    return left;                                 \
  }

QUIRE_BINARY_LEVEL(bitwise_or, bitwise_xor, case Op::VBar : op = OperatorKind::BitOr; break;)
QUIRE_BINARY_LEVEL(bitwise_xor, bitwise_and, case Op::CircumFlex
                   : op = OperatorKind::BitXor;
                   break;)
QUIRE_BINARY_LEVEL(bitwise_and, shift_expr, case Op::Amper : op = OperatorKind::BitAnd; break;)
QUIRE_BINARY_LEVEL(shift_expr, sum, case Op::LeftShift
                   : op = OperatorKind::LShift;
                   break; case Op::RightShift
                   : op = OperatorKind::RShift;
                   break;)
QUIRE_BINARY_LEVEL(sum, term, case Op::Plus
                   : op = OperatorKind::Add;
                   break; case Op::Minus
                   : op = OperatorKind::Sub;
                   break;)
QUIRE_BINARY_LEVEL(term, factor, case Op::Star
                   : op = OperatorKind::Mult;
                   break; case Op::Slash
                   : op = OperatorKind::Div;
                   break; case Op::DoubleSlash
                   : op = OperatorKind::FloorDiv;
                   break; case Op::Percent
                   : op = OperatorKind::Mod;
                   break; case Op::At
                   : op = OperatorKind::MatMult;
                   break;)
#undef QUIRE_BINARY_LEVEL

Expr* Parser::factor() {
  const Token& t = peek();
  if (t.kind == TokenKind::Op && (t.op == Op::Plus || t.op == Op::Minus || t.op == Op::Tilde)) {
    DepthGuard guard(*this);
    advance();
    auto* u = make<UnaryOp>(t);
    u->op = t.op == Op::Plus    ? UnaryOpKind::UAdd
            : t.op == Op::Minus ? UnaryOpKind::USub
                                : UnaryOpKind::Invert;
    u->operand = factor();
    finish(u);
    return u;
  }
  return power();
}

Expr* Parser::power() {
  if (at_kw(KeywordKind::Await)) fail_unsupported(peek(), "'await' is");
  const Token& start = peek();
  Expr* base = primary();
  if (!at_op(Op::DoubleStar)) return base;
  advance();
  auto* b = make<BinOp>(start);
  b->left = base;
  b->op = OperatorKind::Pow;
  b->right = factor();
  finish(b);
  return b;
}

Expr* Parser::primary() {
  const Token& start = peek();
  Expr* e = atom();
  ChainDepth chain(*this);
  for (;;) {
    if (at_op(Op::Dot) || at_op(Op::LPar) || at_op(Op::LSqb)) chain.step();
    if (at_op(Op::Dot)) {
      advance();
      const Token& name = expect_name();
      auto* a = make<Attribute>(start);
      a->value = e;
      a->attr = std::string(text(name));
      finish(a);
      e = a;
    } else if (at_op(Op::LPar)) {
      e = call(e, start);
    } else if (at_op(Op::LSqb)) {
      e = subscript(e, start);
    } else {
      return e;
    }
  }
}

Expr* Parser::call(Expr* func, const Token& start) {
  DepthGuard guard(*this);
  const Token& open = expect_op(Op::LPar);
  const bool class_bases = in_class_bases_;
  in_class_bases_ = false;
  auto* c = make<Call>(start);
  c->func = func;
  bool seen_keyword = false;
  bool seen_double_star = false;
  const char* pending_error = nullptr;
  Expr* sole_genexp = nullptr;
  int count = 0;
  const Token* first_comma_after_genexp = nullptr;
  while (!at_op(Op::RPar)) {
    const Token& item = peek();
    ++count;
    if (at_op(Op::Star)) {
      advance();
      auto* s = make<Starred>(item);
      s->value = expression();
      finish(s);
      if (seen_double_star) {
        fail_tokens(item, item, "iterable argument unpacking follows keyword argument unpacking");
      }
      c->args.push_back(s);
    } else if (at_op(Op::DoubleStar)) {
      advance();
      auto* k = make<Keyword>(item);
      k->value = expression();
      finish(k);
      c->keywords.push_back(k);
      seen_double_star = true;
    } else if (item.kind == TokenKind::Name && at_op(Op::Equal, 1)) {
      if (item.keyword == KeywordKind::True || item.keyword == KeywordKind::False ||
          item.keyword == KeywordKind::NoneKw) {
        fail_tokens(item, peek(1), "cannot assign to " + std::string(text(item)));
      }
      if (item.keyword != KeywordKind::None) fail_generic();
      advance();
      const Token& equals = advance();
      auto* k = make<Keyword>(item);
      k->arg = std::string(text(item));
      if (!starts_expression() && !at_kw(KeywordKind::Yield)) {
        fail_generic();
      }
      k->value = expression();
      if (at_kw(KeywordKind::For) && checks_enabled_) {
        fail_tokens(item, equals, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      finish(k);
      c->keywords.push_back(k);
      seen_keyword = true;
    } else {
      Expr* e = nullptr;
      if (item.kind == TokenKind::Name && item.keyword == KeywordKind::None &&
          at_op(Op::ColonEqual, 1)) {
        e = named_expression();
      } else {
        e = expression();
      }
      if (at_kw(KeywordKind::For)) {
        if (class_bases) fail_generic();
        auto* g = make_at<GeneratorExp>(*e);
        g->elt = e;
        comprehension_clauses(g->generators);
        finish(g);
        e = g;
        if (count == 1)
          sole_genexp = g;
        else
          fail_node(*g, "Generator expression must be parenthesized");
      } else if (at_op(Op::Equal)) {
        if (checks_enabled_) {
          const Token& eq = peek();
          if (is_true_false_none(e)) fail_node(*e, std::string("cannot assign to ") + expr_name(e));
          fail_range(*e, loc_of(eq),
                     "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        fail_generic();
      }
      // CPython reports these after reading all the arguments, at the last
      // token it read (the closing parenthesis).
      if (seen_double_star && !pending_error) {
        pending_error = "positional argument follows keyword argument unpacking";
      }
      if (seen_keyword && !pending_error) {
        pending_error = "positional argument follows keyword argument";
      }
      c->args.push_back(e);
    }
    if (!accept_op(Op::Comma)) break;
    if (sole_genexp && !first_comma_after_genexp) first_comma_after_genexp = &previous();
  }
  if (sole_genexp && count > 1)
    fail_node(*sole_genexp, "Generator expression must be parenthesized");
  if (sole_genexp && first_comma_after_genexp) {
    fail_node(*sole_genexp, "Generator expression must be parenthesized");
  }
  if (pending_error) {
    if (!at_op(Op::RPar)) fail_generic();
    fail_at(peek(), pending_error);
  }
  expect_op(Op::RPar);
  if (sole_genexp) {
    // CPython gives the sole generator argument the call's parentheses.
    sole_genexp->lineno = open.lineno;
    sole_genexp->col_offset = open.col;
    finish(sole_genexp);
  }
  finish(c);
  return c;
}

Expr* Parser::subscript(Expr* value, const Token& value_start) {
  DepthGuard guard(*this);
  expect_op(Op::LSqb);
  auto* s = make<Subscript>(value_start);
  s->value = value;
  const Token& start = peek();
  Expr* first = slice_item();
  if (at_op(Op::Comma)) {
    auto* tuple = make<Tuple>(start);
    tuple->elts.push_back(first);
    while (accept_op(Op::Comma)) {
      if (at_op(Op::RSqb)) break;
      tuple->elts.push_back(slice_item());
    }
    finish(tuple);
    s->slice = tuple;
  } else if (first->kind == ExprKind::Starred) {
    auto* tuple = make<Tuple>(start);
    tuple->elts.push_back(first);
    finish(tuple);
    s->slice = tuple;
  } else {
    s->slice = first;
  }
  expect_op(Op::RSqb);
  finish(s);
  return s;
}

Expr* Parser::slice_item() {
  const Token& start = peek();
  if (at_op(Op::Star)) {
    advance();
    auto* s = make<Starred>(start);
    s->value = bitwise_or();
    finish(s);
    return s;
  }
  Expr* lower = nullptr;
  if (!at_op(Op::Colon)) {
    lower = named_expression();
    if (!at_op(Op::Colon)) return lower;
  }
  auto* s = make<Slice>(start);
  s->lower = lower;
  advance();  // ':'
  if (!at_op(Op::Colon) && !at_op(Op::RSqb) && !at_op(Op::Comma)) s->upper = expression();
  if (accept_op(Op::Colon)) {
    if (!at_op(Op::RSqb) && !at_op(Op::Comma)) s->step = expression();
  }
  finish(s);
  return s;
}

Expr* Parser::atom() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Name: {
      switch (t.keyword) {
        case KeywordKind::None: {
          advance();
          auto* n = make<Name>(t);
          n->id = std::string(text(t));
          finish(n);
          return n;
        }
        case KeywordKind::True:
        case KeywordKind::False:
        case KeywordKind::NoneKw: {
          advance();
          auto* c = make<Constant>(t);
          c->value_kind = t.keyword == KeywordKind::True    ? ConstantKind::True
                          : t.keyword == KeywordKind::False ? ConstantKind::False
                                                            : ConstantKind::None;
          finish(c);
          return c;
        }
        case KeywordKind::Await:
          fail_unsupported(t, "'await' is");
        case KeywordKind::Async:
          fail_unsupported(t, "'async' is");
        default:
          fail_generic();
      }
    }
    case TokenKind::Number:
      return number(advance());
    case TokenKind::String:
      return strings();
    case TokenKind::Op:
      switch (t.op) {
        case Op::LPar:
          return paren_atom();
        case Op::LSqb:
          return list_atom();
        case Op::LBrace:
          return brace_atom();
        case Op::Ellipsis: {
          advance();
          auto* c = make<Constant>(t);
          c->value_kind = ConstantKind::Ellipsis;
          finish(c);
          return c;
        }
        default:
          fail_generic();
      }
    default:
      fail_generic();
  }
}

Expr* Parser::number(const Token& t) {
  NumberValue value = parse_number(text(t));
  if (value.kind == NumberValue::Kind::Imaginary) {
    fail_at(t, "complex number literals (like 1j) are not supported by quire");
  }
  if (value.too_large) {
    fail_at(t, "integer literal too large (more than " + std::to_string(kMaxNonDecimalDigits) +
                   " digits)");
  }
  auto* c = make<Constant>(t);
  if (value.kind == NumberValue::Kind::Float) {
    c->value_kind = ConstantKind::Float;
    c->float_value = value.float_value;
  } else {
    c->value_kind = ConstantKind::Int;
    c->int_is_big = value.int_is_big;
    c->int_value = value.int_value;
    c->text = std::move(value.big_digits);
  }
  finish(c);
  return c;
}

Expr* Parser::lambda() {
  const Token& keyword = advance();
  auto* l = make<Lambda>(keyword);
  l->args = parameters(true, Op::Colon);
  if (!at_op(Op::Colon)) fail_generic();
  advance();
  l->body = expression();
  finish(l);
  return l;
}

Arg* Parser::parameter(bool is_lambda) {
  const Token& name = expect_name();
  auto* a = make<Arg>(name);
  a->arg = std::string(text(name));
  if (!is_lambda && accept_op(Op::Colon)) a->annotation = expression();
  finish(a);
  return a;
}

Arguments* Parser::parameters(bool is_lambda, Op closing) {
  auto* args = arena_.make<Arguments>();
  bool seen_slash = false;
  bool seen_star = false;
  bool seen_default = false;
  bool bare_star = false;
  const Token* bare_star_token = nullptr;
  while (!at_op(closing)) {
    const Token& t = peek();
    if (at_op(Op::Slash)) {
      if (seen_slash) fail_at(t, "/ may appear only once");
      if (seen_star) fail_at(t, "/ must be ahead of *");
      if (args->args.empty()) fail_at(t, "at least one argument must precede /");
      advance();
      seen_slash = true;
      args->posonlyargs = std::move(args->args);
      args->args.clear();
    } else if (at_op(Op::Star)) {
      if (seen_star) fail_at(t, "* argument may appear only once");
      advance();
      seen_star = true;
      if (at_op(Op::Comma) || at_op(closing)) {
        bare_star = true;
        bare_star_token = &t;
        if (at_op(closing) || (at_op(Op::Comma) && at_op(Op::DoubleStar, 1))) {
          fail_at(t, "named arguments must follow bare *");
        }
      } else {
        args->vararg = parameter(is_lambda);
        if (at_op(Op::Equal)) fail_at(peek(), "var-positional argument cannot have default value");
      }
    } else if (at_op(Op::DoubleStar)) {
      advance();
      args->kwarg = parameter(is_lambda);
      if (at_op(Op::Equal)) fail_at(peek(), "var-keyword argument cannot have default value");
      accept_op(Op::Comma);
      if (!at_op(closing)) fail_at(peek(), "arguments cannot follow var-keyword argument");
      break;
    } else {
      Arg* a = parameter(is_lambda);
      Expr* default_value = nullptr;
      if (accept_op(Op::Equal)) {
        if (!starts_expression()) {
          fail_generic();
        }
        default_value = expression();
      }
      if (seen_star) {
        args->kwonlyargs.push_back(a);
        args->kw_defaults.push_back(default_value);
      } else {
        if (default_value) {
          seen_default = true;
          args->defaults.push_back(default_value);
        } else if (seen_default) {
          fail_node(*a, "non-default argument follows default argument");
        }
        args->args.push_back(a);
      }
    }
    if (!accept_op(Op::Comma)) break;
  }
  (void)bare_star;
  if (bare_star && args->kwonlyargs.empty() && bare_star_token) {
    fail_at(*bare_star_token, "named arguments must follow bare *");
  }
  if (!at_op(closing)) {
    if (closing == Op::RPar) fail_generic();
    fail_generic();
  }
  return args;
}

Expr* Parser::comprehension_target(bool allow_tuple) {
  // star_targets: a comma-separated list of (starred) primaries.
  const Token& start = peek();
  auto target_item = [&]() -> Expr* {
    const Token& t = peek();
    if (at_op(Op::Star)) {
      advance();
      auto* s = make<Starred>(t);
      s->value = bitwise_or();
      finish(s);
      return s;
    }
    return bitwise_or();
  };
  const Token* item_start = &peek();
  Expr* first = target_item();
  Expr* last_item = first;
  Expr* result = first;
  if (allow_tuple && at_op(Op::Comma)) {
    auto* tuple = make<Tuple>(start);
    tuple->elts.push_back(first);
    while (accept_op(Op::Comma)) {
      if (at_kw(KeywordKind::In) || at_op(Op::Equal) || at_op(Op::Colon) || at_op(Op::RPar)) break;
      item_start = &peek();
      last_item = target_item();
      tuple->elts.push_back(last_item);
    }
    finish(tuple);
    result = tuple;
  }
  if (checks_enabled_ && starts_expression()) check_invalid_expression(*item_start, last_item);
  check_target(result, TargetKind::For);
  set_context(result, ExprContext::Store);
  return result;
}

void Parser::comprehension_clauses(std::vector<Comprehension*>& out) {
  while (at_kw(KeywordKind::For) || at_kw(KeywordKind::Async)) {
    if (at_kw(KeywordKind::Async)) fail_unsupported(peek(), "'async' is");
    advance();
    auto* c = arena_.make<Comprehension>();
    c->target = comprehension_target();
    if (!at_kw(KeywordKind::In)) fail_generic();
    advance();
    c->iter = disjunction();
    while (accept_kw(KeywordKind::If)) c->ifs.push_back(disjunction());
    out.push_back(c);
  }
}

Expr* Parser::paren_atom() {
  DepthGuard guard(*this);
  const Token& open = advance();
  if (at_op(Op::RPar)) {
    advance();
    auto* t = make<Tuple>(open);
    finish(t);
    parenthesized_.insert(t);
    return t;
  }
  if (at_kw(KeywordKind::Yield)) {
    Expr* y = yield_expression();
    expect_op(Op::RPar);
    parenthesized_.insert(y);
    return y;
  }
  const Token& first_token = peek();
  Expr* first = star_named_expression();
  if (at_kw(KeywordKind::For)) {
    if (first->kind == ExprKind::Starred) {
      fail_node(*first, "iterable unpacking cannot be used in comprehension");
    }
    auto* g = make<GeneratorExp>(open);
    g->elt = first;
    comprehension_clauses(g->generators);
    expect_op(Op::RPar);
    finish(g);
    return g;
  }
  if (at_op(Op::RPar)) {
    advance();
    if (first->kind == ExprKind::Starred) {
      fail_node(*first, "cannot use starred expression here");
    }
    parenthesized_.insert(first);
    return first;
  }
  if (!at_op(Op::Comma)) fail_generic();
  (void)first_token;
  auto* t = make<Tuple>(open);
  t->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (at_op(Op::RPar)) break;
    t->elts.push_back(star_named_expression());
  }
  if (at_kw(KeywordKind::For) && checks_enabled_) {
    fail_range(*t->elts.front(), *t->elts.back(),
               "did you forget parentheses around the comprehension target?");
  }
  expect_op(Op::RPar);
  finish(t);
  parenthesized_.insert(t);
  return t;
}

Expr* Parser::list_atom() {
  DepthGuard guard(*this);
  const Token& open = advance();
  auto* list = make<List>(open);
  if (accept_op(Op::RSqb)) {
    finish(list);
    return list;
  }
  Expr* first = star_named_expression();
  if (at_kw(KeywordKind::For)) {
    if (first->kind == ExprKind::Starred) {
      fail_node(*first, "iterable unpacking cannot be used in comprehension");
    }
    auto* comp = make<ListComp>(open);
    comp->elt = first;
    comprehension_clauses(comp->generators);
    expect_op(Op::RSqb);
    finish(comp);
    return comp;
  }
  list->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (at_op(Op::RSqb)) break;
    list->elts.push_back(star_named_expression());
  }
  if (at_kw(KeywordKind::For) && checks_enabled_ && list->elts.size() > 1) {
    fail_range(*list->elts.front(), *list->elts.back(),
               "did you forget parentheses around the comprehension target?");
  }
  expect_op(Op::RSqb);
  finish(list);
  return list;
}

// At the ':' after a dictionary key: CPython's invalid_kvpair messages.
void Parser::dict_value_check() {
  if (!checks_enabled_) return;
  if (at_op(Op::Comma, 1) || at_op(Op::RBrace, 1)) {
    fail_at(peek(), "expression expected after dictionary key and ':'");
  }
  if (at_op(Op::Star, 1)) {
    advance();
    const Token& star = advance();
    checks_enabled_ = false;
    Expr* value = bitwise_or();
    checks_enabled_ = true;
    fail_range(loc_of(star), *value, "cannot use a starred expression in a dictionary value");
  }
}

// The rest of a dict display after its first item: `, k: v` and `, **m`
// items up to the closing brace (a trailing comma allowed).
Expr* Parser::dict_display_rest(Dict* d) {
  while (accept_op(Op::Comma)) {
    if (at_op(Op::RBrace)) break;
    if (accept_op(Op::DoubleStar)) {
      d->keys.push_back(nullptr);
      d->values.push_back(bitwise_or());
    } else {
      d->keys.push_back(expression());
      if (!at_op(Op::Colon) && checks_enabled_ && (at_op(Op::Comma) || at_op(Op::RBrace))) {
        const Expr* key = d->keys.back();
        ParseFailure failure;
        failure.error.message = "':' expected after dictionary key";
        failure.error.lineno = key->lineno;
        failure.error.col = key->end_col_offset - 1;
        failure.error.end_lineno = key->end_lineno;
        failure.error.raw_end_offset = 0;
        throw failure;
      }
      if (!at_op(Op::Colon)) fail_generic();
      dict_value_check();
      advance();
      d->values.push_back(expression());
    }
  }
  expect_op(Op::RBrace);
  finish(d);
  return d;
}

Expr* Parser::brace_atom() {
  DepthGuard guard(*this);
  const Token& open = advance();
  if (accept_op(Op::RBrace)) {
    auto* d = make<Dict>(open);
    finish(d);
    return d;
  }
  // Dict display or comprehension?
  const Token& first_token = peek();
  if (at_op(Op::DoubleStar)) {
    advance();
    Expr* mapping = bitwise_or();
    if (at_kw(KeywordKind::For)) {
      fail_tokens(first_token, first_token, "dict unpacking cannot be used in dict comprehension");
    }
    auto* d = make<Dict>(open);
    d->keys.push_back(nullptr);
    d->values.push_back(mapping);
    return dict_display_rest(d);
  }
  Expr* first = star_named_expression();
  if (at_op(Op::Colon) && first->kind != ExprKind::Starred) {
    dict_value_check();
    advance();
    Expr* value = expression();
    if (at_kw(KeywordKind::For)) {
      auto* comp = make<DictComp>(open);
      comp->key = first;
      comp->value = value;
      comprehension_clauses(comp->generators);
      expect_op(Op::RBrace);
      finish(comp);
      return comp;
    }
    auto* d = make<Dict>(open);
    d->keys.push_back(first);
    d->values.push_back(value);
    return dict_display_rest(d);
  }
  if (at_kw(KeywordKind::For)) {
    if (first->kind == ExprKind::Starred) {
      fail_node(*first, "iterable unpacking cannot be used in comprehension");
    }
    auto* comp = make<SetComp>(open);
    comp->elt = first;
    comprehension_clauses(comp->generators);
    expect_op(Op::RBrace);
    finish(comp);
    return comp;
  }
  auto* set = make<Set>(open);
  set->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (at_op(Op::RBrace)) break;
    set->elts.push_back(star_named_expression());
  }
  if (at_kw(KeywordKind::For) && checks_enabled_ && set->elts.size() > 1) {
    fail_range(*set->elts.front(), *set->elts.back(),
               "did you forget parentheses around the comprehension target?");
  }
  expect_op(Op::RBrace);
  finish(set);
  return set;
}

}  // namespace quire::lang::syntax
