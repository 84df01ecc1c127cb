// Assignment, for and del targets: setting their context, and CPython's
// messages for invalid ones ("cannot assign to function call" ...).

#include "lang/syntax/parser_impl.h"

namespace quire::lang::syntax {

const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute:
      return "attribute";
    case ExprKind::Subscript:
      return "subscript";
    case ExprKind::Starred:
      return "starred";
    case ExprKind::Name:
      return "name";
    case ExprKind::List:
      return "list";
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::Lambda:
      return "lambda";
    case ExprKind::Call:
      return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
      return "expression";
    case ExprKind::GeneratorExp:
      return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return "yield expression";
    case ExprKind::ListComp:
      return "list comprehension";
    case ExprKind::SetComp:
      return "set comprehension";
    case ExprKind::DictComp:
      return "dict comprehension";
    case ExprKind::Dict:
      return "dict literal";
    case ExprKind::Set:
      return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return "f-string expression";
    case ExprKind::Constant: {
      switch (e->as<Constant>()->value_kind) {
        case ConstantKind::None:
          return "None";
        case ConstantKind::True:
          return "True";
        case ConstantKind::False:
          return "False";
        case ConstantKind::Ellipsis:
          return "ellipsis";
        default:
          return "literal";
      }
    }
    case ExprKind::Compare:
      return "comparison";
    case ExprKind::IfExp:
      return "conditional expression";
    case ExprKind::NamedExpr:
      return "named expression";
    case ExprKind::Slice:
      return "slice";
  }
  return "expression";
}

void Parser::set_context(Expr* e, ExprContext ctx) {
  switch (e->kind) {
    case ExprKind::Name:
      static_cast<Name*>(e)->ctx = ctx;
      break;
    case ExprKind::Attribute:
      static_cast<Attribute*>(e)->ctx = ctx;
      break;
    case ExprKind::Subscript:
      static_cast<Subscript*>(e)->ctx = ctx;
      break;
    case ExprKind::Starred:
      static_cast<Starred*>(e)->ctx = ctx;
      set_context(static_cast<Starred*>(e)->value, ctx);
      break;
    case ExprKind::List:
      static_cast<List*>(e)->ctx = ctx;
      for (Expr* elt : static_cast<List*>(e)->elts) set_context(elt, ctx);
      break;
    case ExprKind::Tuple:
      static_cast<Tuple*>(e)->ctx = ctx;
      for (Expr* elt : static_cast<Tuple*>(e)->elts) set_context(elt, ctx);
      break;
    default:
      break;
  }
}

// CPython's _PyPegen_get_invalid_target: the first sub-expression that
// cannot be a target, or nullptr when `e` is a valid target.
Expr* Parser::invalid_target(Expr* e, TargetKind kind) {
  switch (e->kind) {
    case ExprKind::List:
      for (Expr* elt : static_cast<List*>(e)->elts) {
        if (Expr* bad = invalid_target(elt, kind)) return bad;
      }
      return nullptr;
    case ExprKind::Tuple:
      for (Expr* elt : static_cast<Tuple*>(e)->elts) {
        if (Expr* bad = invalid_target(elt, kind)) return bad;
      }
      return nullptr;
    case ExprKind::Starred:
      if (kind == TargetKind::Del) return e;
      return invalid_target(static_cast<Starred*>(e)->value, kind);
    case ExprKind::Compare:
      if (kind == TargetKind::For) {
        auto* c = static_cast<Compare*>(e);
        if (c->ops.front() == CmpOpKind::In) return invalid_target(c->left, kind);
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

void Parser::check_target(Expr* e, TargetKind kind) {
  if (Expr* bad = invalid_target(e, kind)) {
    fail_node(*bad, std::string(kind == TargetKind::Del ? "cannot delete " : "cannot assign to ") +
                        expr_name(bad));
  }
}

// An assignment statement with an invalid target. CPython's second pass
// tries invalid_named_expression on the first target (giving "Maybe you
// meant '=='..." hints) before the plain "cannot assign to ..." message.
std::size_t Parser::token_index_at(const Located& node, std::size_t from) const {
  for (std::size_t i = from; i < stream_.tokens.size(); ++i) {
    const Token& t = stream_.tokens[i];
    if (t.lineno == node.lineno && t.col == node.col_offset) return i;
  }
  return from;
}

void Parser::fail_assignment(const std::vector<std::size_t>& target_starts, ExprList& targets) {
  Expr* first = targets.front();
  Expr* last_element = first;
  std::size_t element_start = target_starts.front();
  if (auto* tuple = first->as<Tuple>(); tuple && !is_parenthesized(tuple)) {
    last_element = tuple->elts.back();
    element_start = token_index_at(*last_element, target_starts.front());
  }
  const Token& start_token = stream_.tokens[element_start];
  std::size_t save = pos_;
  pos_ = target_starts.size() > 1 ? target_starts[1] : pos_;
  // Only the element right before the first '=' can match.
  if (last_element->kind != ExprKind::Starred && target_starts.size() > 1) {
    pos_ = target_starts[1] - 1;  // at '='
    check_equals_in_named_context(start_token, last_element);
  }
  pos_ = save;
  for (Expr* target : targets) {
    if (target->kind == ExprKind::Yield || target->kind == ExprKind::YieldFrom) {
      fail_node(*target, "assignment to yield expression not possible");
    }
    if (Expr* bad = invalid_target(target, TargetKind::Star)) {
      fail_node(*bad, std::string("cannot assign to ") + expr_name(bad));
    }
  }
}

}  // namespace quire::lang::syntax
