// frappe.safe_eval(code, eval_globals=None, eval_locals=None) as
// frappe/utils/safe_exec.py has it: an expression only, walrus refused
// ("Operation not allowed: line L column C"), compiled under the same
// RestrictedPython policy as scripts (refusals raise SyntaxError of the
// tuple of messages), evaluated with no builtins but int, float, long and
// round, attribute and item reads through safe_exec's guards.
//
// The expression is parsed by the language's parser (eval mode), checked by
// the sandbox policy, then evaluated by the template engine's tree walk in
// its Python mode (render_template_eval.h): it runs in the calling script's
// isolate, under its limits, on the values the script passed.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/safe_eval.h"

#include "lang/numeric/float_ops.h"
#include "lang/sandbox/policy.h"
#include "lang/syntax/parser.h"
#include "scripting/attr_dict.h"
#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"

namespace quire::scripting {

using namespace quire::lang;
namespace ast = quire::lang::syntax;

namespace {

struct Unsupported {
  std::string what;
};

jinja::ExprPtr node(jinja::ExprKind kind, const ast::Expr& from) {
  auto e = std::make_unique<jinja::Expr>();
  e->kind = kind;
  e->line = from.lineno;
  return e;
}

const char* kind_name(ast::ExprKind k) {
  switch (k) {
    case ast::ExprKind::Lambda:
      return "Lambda";
    case ast::ExprKind::ListComp:
      return "ListComp";
    case ast::ExprKind::SetComp:
      return "SetComp";
    case ast::ExprKind::DictComp:
      return "DictComp";
    case ast::ExprKind::GeneratorExp:
      return "GeneratorExp";
    case ast::ExprKind::JoinedStr:
      return "JoinedStr";
    case ast::ExprKind::Starred:
      return "Starred";
    default:
      return "This expression";
  }
}

jinja::ExprPtr convert(const ast::Expr& e);

void convert_all(const ast::ExprList& from, jinja::Expr& into) {
  for (const ast::Expr* x : from) into.args.push_back(convert(*x));
}

int binary_code(ast::OperatorKind op) {
  switch (op) {
    case ast::OperatorKind::Add:
      return kAdd;
    case ast::OperatorKind::Sub:
      return kSub;
    case ast::OperatorKind::Mult:
      return kMul;
    case ast::OperatorKind::MatMult:
      return kMatMul;
    case ast::OperatorKind::Div:
      return kTrueDiv;
    case ast::OperatorKind::Mod:
      return kMod;
    case ast::OperatorKind::Pow:
      return kPow;
    case ast::OperatorKind::LShift:
      return kLShift;
    case ast::OperatorKind::RShift:
      return kRShift;
    case ast::OperatorKind::BitOr:
      return kOr;
    case ast::OperatorKind::BitXor:
      return kXor;
    case ast::OperatorKind::BitAnd:
      return kAnd;
    case ast::OperatorKind::FloorDiv:
      return kFloorDiv;
  }
  return kAdd;
}

std::uint8_t compare_code(ast::CmpOpKind op) {
  switch (op) {
    case ast::CmpOpKind::Eq:
      return jinja::kCmpEq;
    case ast::CmpOpKind::NotEq:
      return jinja::kCmpNe;
    case ast::CmpOpKind::Lt:
      return jinja::kCmpLt;
    case ast::CmpOpKind::LtE:
      return jinja::kCmpLe;
    case ast::CmpOpKind::Gt:
      return jinja::kCmpGt;
    case ast::CmpOpKind::GtE:
      return jinja::kCmpGe;
    case ast::CmpOpKind::Is:
      return jinja::kCmpIs;
    case ast::CmpOpKind::IsNot:
      return jinja::kCmpIsNot;
    case ast::CmpOpKind::In:
      return jinja::kCmpIn;
    case ast::CmpOpKind::NotIn:
      return jinja::kCmpNotIn;
  }
  return jinja::kCmpEq;
}

// The Python AST of the expression as the evaluator's tree (Python mode).
jinja::ExprPtr convert(const ast::Expr& e) {
  using K = jinja::ExprKind;
  switch (e.kind) {
    case ast::ExprKind::Constant: {
      const auto& c = *e.as<ast::Constant>();
      switch (c.value_kind) {
        case ast::ConstantKind::None:
          return node(K::None, e);
        case ast::ConstantKind::True:
          return node(K::True, e);
        case ast::ConstantKind::False:
          return node(K::False, e);
        case ast::ConstantKind::Int: {
          auto n = node(K::Int, e);
          n->text = c.int_is_big ? c.text : std::to_string(c.int_value);
          return n;
        }
        case ast::ConstantKind::Float: {
          auto n = node(K::Float, e);
          n->text = numeric::float_repr(c.float_value);
          return n;
        }
        case ast::ConstantKind::Str: {
          auto n = node(K::Str, e);
          n->text = c.text;
          return n;
        }
        default:
          throw Unsupported{"This constant"};
      }
    }
    case ast::ExprKind::Name: {
      auto n = node(K::Name, e);
      n->text = e.as<ast::Name>()->id;
      return n;
    }
    case ast::ExprKind::Attribute: {
      const auto& a = *e.as<ast::Attribute>();
      auto n = node(K::Attr, e);
      n->text = a.attr;
      n->args.push_back(convert(*a.value));
      return n;
    }
    case ast::ExprKind::Subscript: {
      const auto& s = *e.as<ast::Subscript>();
      if (const auto* sl = s.slice->as<ast::Slice>()) {
        auto n = node(K::Slice, e);
        n->args.push_back(convert(*s.value));
        for (const ast::Expr* part : {sl->lower, sl->upper, sl->step}) {
          n->args.push_back(part ? convert(*part) : node(K::None, e));
        }
        return n;
      }
      auto n = node(K::Item, e);
      n->args.push_back(convert(*s.value));
      n->args.push_back(convert(*s.slice));
      return n;
    }
    case ast::ExprKind::Call: {
      const auto& c = *e.as<ast::Call>();
      auto n = node(K::Call, e);
      n->args.push_back(convert(*c.func));
      convert_all(c.args, *n);
      for (const ast::Keyword* k : c.keywords) {
        if (!k->arg) throw Unsupported{"**kwargs"};
        n->kwnames.push_back(*k->arg);
        n->args.push_back(convert(*k->value));
      }
      return n;
    }
    case ast::ExprKind::BinOp: {
      const auto& b = *e.as<ast::BinOp>();
      auto n = node(K::Binary, e);
      n->op = binary_code(b.op);
      n->args.push_back(convert(*b.left));
      n->args.push_back(convert(*b.right));
      return n;
    }
    case ast::ExprKind::UnaryOp: {
      const auto& u = *e.as<ast::UnaryOp>();
      K kind = u.op == ast::UnaryOpKind::Not    ? K::Not
               : u.op == ast::UnaryOpKind::USub ? K::Neg
               : u.op == ast::UnaryOpKind::UAdd ? K::Pos
                                                : K::Invert;
      auto n = node(kind, e);
      n->args.push_back(convert(*u.operand));
      return n;
    }
    case ast::ExprKind::BoolOp: {
      const auto& b = *e.as<ast::BoolOp>();
      jinja::ExprPtr left = convert(*b.values[0]);
      for (std::size_t i = 1; i < b.values.size(); ++i) {
        auto n = node(b.op == ast::BoolOpKind::And ? K::And : K::Or, e);
        n->args.push_back(std::move(left));
        n->args.push_back(convert(*b.values[i]));
        left = std::move(n);
      }
      return left;
    }
    case ast::ExprKind::Compare: {
      const auto& c = *e.as<ast::Compare>();
      auto n = node(K::Compare, e);
      n->args.push_back(convert(*c.left));
      for (std::size_t i = 0; i < c.ops.size(); ++i) {
        n->ops.push_back(compare_code(c.ops[i]));
        n->args.push_back(convert(*c.comparators[i]));
      }
      return n;
    }
    case ast::ExprKind::IfExp: {
      const auto& c = *e.as<ast::IfExp>();
      auto n = node(K::Cond, e);
      n->args.push_back(convert(*c.test));
      n->args.push_back(convert(*c.body));
      n->args.push_back(convert(*c.orelse));
      return n;
    }
    case ast::ExprKind::List: {
      auto n = node(K::List, e);
      convert_all(e.as<ast::List>()->elts, *n);
      return n;
    }
    case ast::ExprKind::Tuple: {
      auto n = node(K::Tuple, e);
      convert_all(e.as<ast::Tuple>()->elts, *n);
      return n;
    }
    case ast::ExprKind::Set: {
      auto n = node(K::Set, e);
      convert_all(e.as<ast::Set>()->elts, *n);
      return n;
    }
    case ast::ExprKind::Dict: {
      const auto& d = *e.as<ast::Dict>();
      auto n = node(K::Dict, e);
      for (std::size_t i = 0; i < d.keys.size(); ++i) {
        if (!d.keys[i]) throw Unsupported{"**mapping"};
        n->args.push_back(convert(*d.keys[i]));
        n->args.push_back(convert(*d.values[i]));
      }
      return n;
    }
    default:
      throw Unsupported{kind_name(e.kind)};
  }
}

// _validate_safe_eval_syntax: the first walrus (ast.walk order is breadth
// first; a walrus is rare enough that the first in source order is the one).
const ast::NamedExpr* find_walrus(const ast::Expr* e) {
  if (!e) return nullptr;
  if (const auto* w = e->as<ast::NamedExpr>()) return w;
  auto any = [](const ast::ExprList& list) -> const ast::NamedExpr* {
    for (const ast::Expr* x : list) {
      if (const auto* w = find_walrus(x)) return w;
    }
    return nullptr;
  };
  switch (e->kind) {
    case ast::ExprKind::BoolOp:
      return any(e->as<ast::BoolOp>()->values);
    case ast::ExprKind::BinOp: {
      const auto* b = e->as<ast::BinOp>();
      if (const auto* w = find_walrus(b->left)) return w;
      return find_walrus(b->right);
    }
    case ast::ExprKind::UnaryOp:
      return find_walrus(e->as<ast::UnaryOp>()->operand);
    case ast::ExprKind::IfExp: {
      const auto* c = e->as<ast::IfExp>();
      for (const ast::Expr* x : {c->test, c->body, c->orelse}) {
        if (const auto* w = find_walrus(x)) return w;
      }
      return nullptr;
    }
    case ast::ExprKind::Compare: {
      const auto* c = e->as<ast::Compare>();
      if (const auto* w = find_walrus(c->left)) return w;
      return any(c->comparators);
    }
    case ast::ExprKind::Call: {
      const auto* c = e->as<ast::Call>();
      if (const auto* w = find_walrus(c->func)) return w;
      if (const auto* w = any(c->args)) return w;
      for (const ast::Keyword* k : c->keywords) {
        if (const auto* w = find_walrus(k->value)) return w;
      }
      return nullptr;
    }
    case ast::ExprKind::Attribute:
      return find_walrus(e->as<ast::Attribute>()->value);
    case ast::ExprKind::Subscript: {
      const auto* s = e->as<ast::Subscript>();
      if (const auto* w = find_walrus(s->value)) return w;
      return find_walrus(s->slice);
    }
    case ast::ExprKind::Slice: {
      const auto* s = e->as<ast::Slice>();
      for (const ast::Expr* x : {s->lower, s->upper, s->step}) {
        if (const auto* w = find_walrus(x)) return w;
      }
      return nullptr;
    }
    case ast::ExprKind::List:
      return any(e->as<ast::List>()->elts);
    case ast::ExprKind::Tuple:
      return any(e->as<ast::Tuple>()->elts);
    case ast::ExprKind::Set:
      return any(e->as<ast::Set>()->elts);
    case ast::ExprKind::Dict: {
      const auto* d = e->as<ast::Dict>();
      if (const auto* w = any(d->values)) return w;
      for (const ast::Expr* k : d->keys) {
        if (const auto* w = find_walrus(k)) return w;
      }
      return nullptr;
    }
    default:
      return nullptr;
  }
}

// RestrictedPython: SyntaxError(errors) where errors is the tuple of messages.
Value raise_policy(Isolate& I, const std::vector<sandbox::PolicyViolation>& violations) {
  std::vector<Value> messages;
  for (const auto& v : violations) messages.push_back(new_str(I, v.message));
  Value tuple = new_tuple_from(I, messages.data(), messages.size());
  for (Value m : messages) decref(m);
  std::string text;
  bool ok = repr_into(I, tuple, text);
  decref(tuple);
  if (!ok) return Value::exc();
  return raise(I, types().SyntaxError, text);
}

bool mapping_or_none(Value v) {
  return !given(v) || is_dict(v) || is_attr_dict(v);
}

}  // namespace

Value safe_eval_native(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[3];
  if (!parse_args(I, "safe_eval", args, nargs, kwnames, {"code", "eval_globals", "eval_locals"}, 1,
                  a))
    return Value::exc();
  std::string code;
  if (!arg_string(I, a[0], code, "code")) return Value::exc();
  if (!mapping_or_none(a[1]) || !mapping_or_none(a[2])) {
    return raise(I, types().TypeError, "globals and locals must be dicts");
  }
  ast::ParseLimits limits;
  limits.max_source_bytes = std::size_t{1} << 20;
  limits.max_nesting_depth = jinja::kMaxExprDepth;
  ast::ParseResult parsed = ast::parse_expression(code, "<safe_eval>", limits);
  if (!parsed.ok()) {
    return raise(I, types().SyntaxError, parsed.error->message);
  }
  if (const ast::NamedExpr* w = find_walrus(parsed.expression)) {
    return raise(I, types().SyntaxError,
                 "Operation not allowed: line " + std::to_string(w->lineno) + " column " +
                     std::to_string(w->col_offset));
  }
  ast::Module module;
  ast::ExprStmt statement;
  statement.value = parsed.expression;
  module.body.push_back(&statement);
  auto violations = sandbox::check_policy(module);
  if (!violations.empty()) return raise_policy(I, violations);
  jinja::ExprPtr tree;
  try {
    tree = convert(*parsed.expression);
  } catch (const Unsupported& u) {
    return raise(I, types().SyntaxError, u.what + " is not supported by safe_eval");
  }
  Value globals = given(a[1]) ? a[1] : Value();
  Value locals = given(a[2]) ? a[2] : Value();
  jinja::Evaluator ev(I, jinja::Mode::Python, locals, globals);
  return ev.eval(*tree);
}

}  // namespace quire::scripting
