#include "lang/syntax/ast_dump.h"

#include "lang/syntax/python_repr.h"

namespace quire::lang::syntax {
namespace {

const char* op_name(OperatorKind op) {
  switch (op) {
    case OperatorKind::Add:
      return "Add()";
    case OperatorKind::Sub:
      return "Sub()";
    case OperatorKind::Mult:
      return "Mult()";
    case OperatorKind::MatMult:
      return "MatMult()";
    case OperatorKind::Div:
      return "Div()";
    case OperatorKind::Mod:
      return "Mod()";
    case OperatorKind::Pow:
      return "Pow()";
    case OperatorKind::LShift:
      return "LShift()";
    case OperatorKind::RShift:
      return "RShift()";
    case OperatorKind::BitOr:
      return "BitOr()";
    case OperatorKind::BitXor:
      return "BitXor()";
    case OperatorKind::BitAnd:
      return "BitAnd()";
    case OperatorKind::FloorDiv:
      return "FloorDiv()";
  }
  return "?";
}
const char* unary_name(UnaryOpKind op) {
  switch (op) {
    case UnaryOpKind::Invert:
      return "Invert()";
    case UnaryOpKind::Not:
      return "Not()";
    case UnaryOpKind::UAdd:
      return "UAdd()";
    case UnaryOpKind::USub:
      return "USub()";
  }
  return "?";
}
const char* cmp_name(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq:
      return "Eq()";
    case CmpOpKind::NotEq:
      return "NotEq()";
    case CmpOpKind::Lt:
      return "Lt()";
    case CmpOpKind::LtE:
      return "LtE()";
    case CmpOpKind::Gt:
      return "Gt()";
    case CmpOpKind::GtE:
      return "GtE()";
    case CmpOpKind::Is:
      return "Is()";
    case CmpOpKind::IsNot:
      return "IsNot()";
    case CmpOpKind::In:
      return "In()";
    case CmpOpKind::NotIn:
      return "NotIn()";
  }
  return "?";
}
const char* ctx_name(ExprContext ctx) {
  switch (ctx) {
    case ExprContext::Load:
      return "Load()";
    case ExprContext::Store:
      return "Store()";
    case ExprContext::Del:
      return "Del()";
  }
  return "?";
}

// Builds "Name(field=value, ...)" exactly as ast.dump does: optional fields
// that are None are left out, and positions are appended when asked.
class Dumper {
 public:
  explicit Dumper(bool attributes) : attributes_(attributes) {}

  std::string module(const Module& m) {
    std::string out = "Module(body=";
    out += stmts(m.body);
    out += ", type_ignores=[])";
    return out;
  }

  std::string expr(const Expr* e) {
    if (e == nullptr) return "None";
    Node n;
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* b = e->as<BoolOp>();
        n.begin("BoolOp").field("op", b->op == BoolOpKind::And ? "And()" : "Or()");
        n.field("values", exprs(b->values));
        break;
      }
      case ExprKind::NamedExpr: {
        auto* x = e->as<NamedExpr>();
        n.begin("NamedExpr").field("target", expr(x->target)).field("value", expr(x->value));
        break;
      }
      case ExprKind::BinOp: {
        auto* x = e->as<BinOp>();
        n.begin("BinOp").field("left", expr(x->left)).field("op", op_name(x->op));
        n.field("right", expr(x->right));
        break;
      }
      case ExprKind::UnaryOp: {
        auto* x = e->as<UnaryOp>();
        n.begin("UnaryOp").field("op", unary_name(x->op)).field("operand", expr(x->operand));
        break;
      }
      case ExprKind::Lambda: {
        auto* x = e->as<Lambda>();
        n.begin("Lambda").field("args", arguments(x->args)).field("body", expr(x->body));
        break;
      }
      case ExprKind::IfExp: {
        auto* x = e->as<IfExp>();
        n.begin("IfExp").field("test", expr(x->test)).field("body", expr(x->body));
        n.field("orelse", expr(x->orelse));
        break;
      }
      case ExprKind::Dict: {
        auto* x = e->as<Dict>();
        n.begin("Dict").field("keys", exprs(x->keys)).field("values", exprs(x->values));
        break;
      }
      case ExprKind::Set:
        n.begin("Set").field("elts", exprs(e->as<Set>()->elts));
        break;
      case ExprKind::ListComp: {
        auto* x = e->as<ListComp>();
        n.begin("ListComp").field("elt", expr(x->elt));
        n.field("generators", comprehensions(x->generators));
        break;
      }
      case ExprKind::SetComp: {
        auto* x = e->as<SetComp>();
        n.begin("SetComp").field("elt", expr(x->elt));
        n.field("generators", comprehensions(x->generators));
        break;
      }
      case ExprKind::DictComp: {
        auto* x = e->as<DictComp>();
        n.begin("DictComp").field("key", expr(x->key)).field("value", expr(x->value));
        n.field("generators", comprehensions(x->generators));
        break;
      }
      case ExprKind::GeneratorExp: {
        auto* x = e->as<GeneratorExp>();
        n.begin("GeneratorExp").field("elt", expr(x->elt));
        n.field("generators", comprehensions(x->generators));
        break;
      }
      case ExprKind::Yield:
        n.begin("Yield").optional("value", e->as<Yield>()->value, *this);
        break;
      case ExprKind::YieldFrom:
        n.begin("YieldFrom").field("value", expr(e->as<YieldFrom>()->value));
        break;
      case ExprKind::Compare: {
        auto* x = e->as<Compare>();
        std::string ops = "[";
        for (std::size_t i = 0; i < x->ops.size(); ++i) {
          if (i) ops += ", ";
          ops += cmp_name(x->ops[i]);
        }
        ops += "]";
        n.begin("Compare").field("left", expr(x->left)).field("ops", ops);
        n.field("comparators", exprs(x->comparators));
        break;
      }
      case ExprKind::Call: {
        auto* x = e->as<Call>();
        n.begin("Call").field("func", expr(x->func)).field("args", exprs(x->args));
        n.field("keywords", keywords(x->keywords));
        break;
      }
      case ExprKind::FormattedValue: {
        auto* x = e->as<FormattedValue>();
        n.begin("FormattedValue").field("value", expr(x->value));
        n.field("conversion", std::to_string(x->conversion));
        n.optional("format_spec", x->format_spec, *this);
        break;
      }
      case ExprKind::JoinedStr:
        n.begin("JoinedStr").field("values", exprs(e->as<JoinedStr>()->values));
        break;
      case ExprKind::Constant: {
        auto* x = e->as<Constant>();
        n.begin("Constant").field("value", constant(x));
        if (x->u_prefix) n.field("kind", "'u'");
        break;
      }
      case ExprKind::Attribute: {
        auto* x = e->as<Attribute>();
        n.begin("Attribute").field("value", expr(x->value));
        n.field("attr", python_str_repr(x->attr)).field("ctx", ctx_name(x->ctx));
        break;
      }
      case ExprKind::Subscript: {
        auto* x = e->as<Subscript>();
        n.begin("Subscript").field("value", expr(x->value)).field("slice", expr(x->slice));
        n.field("ctx", ctx_name(x->ctx));
        break;
      }
      case ExprKind::Starred: {
        auto* x = e->as<Starred>();
        n.begin("Starred").field("value", expr(x->value)).field("ctx", ctx_name(x->ctx));
        break;
      }
      case ExprKind::Name: {
        auto* x = e->as<Name>();
        n.begin("Name").field("id", python_str_repr(x->id)).field("ctx", ctx_name(x->ctx));
        break;
      }
      case ExprKind::List: {
        auto* x = e->as<List>();
        n.begin("List").field("elts", exprs(x->elts)).field("ctx", ctx_name(x->ctx));
        break;
      }
      case ExprKind::Tuple: {
        auto* x = e->as<Tuple>();
        n.begin("Tuple").field("elts", exprs(x->elts)).field("ctx", ctx_name(x->ctx));
        break;
      }
      case ExprKind::Slice: {
        auto* x = e->as<Slice>();
        n.begin("Slice");
        n.optional("lower", x->lower, *this).optional("upper", x->upper, *this);
        n.optional("step", x->step, *this);
        break;
      }
    }
    return n.end(e, attributes_);
  }

 private:
  struct Node {
    std::string text;
    bool any = false;
    Node& begin(const char* name) {
      text = name;
      text += '(';
      return *this;
    }
    Node& field(const char* name, const std::string& value) {
      if (any) text += ", ";
      any = true;
      text += name;
      text += '=';
      text += value;
      return *this;
    }
    Node& optional(const char* name, const Expr* value, Dumper& d) {
      if (value) field(name, d.expr(value));
      return *this;
    }
    std::string end(const Located* at, bool attributes) {
      if (at && attributes) {
        field("lineno", std::to_string(at->lineno));
        field("col_offset", std::to_string(at->col_offset));
        field("end_lineno", std::to_string(at->end_lineno));
        field("end_col_offset", std::to_string(at->end_col_offset));
      }
      text += ')';
      return std::move(text);
    }
  };

  std::string constant(const Constant* c) {
    switch (c->value_kind) {
      case ConstantKind::None:
        return "None";
      case ConstantKind::True:
        return "True";
      case ConstantKind::False:
        return "False";
      case ConstantKind::Ellipsis:
        return "Ellipsis";
      case ConstantKind::Int:
        return c->int_is_big ? c->text : std::to_string(c->int_value);
      case ConstantKind::Float:
        return python_float_repr(c->float_value);
      case ConstantKind::Str:
        return python_str_repr(c->text);
      case ConstantKind::Bytes:
        return python_bytes_repr(c->text);
    }
    return "?";
  }

  template <class T, class F>
  std::string list(const std::vector<T>& items, F&& each) {
    if (items.empty()) return "[]";
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      out += each(items[i]);
    }
    out += "]";
    return out;
  }
  std::string exprs(const ExprList& items) {
    return list(items, [&](const Expr* e) { return expr(e); });
  }
  std::string stmts(const StmtList& items) {
    return list(items, [&](const Stmt* s) { return stmt(s); });
  }
  std::string names(const std::vector<std::string>& items) {
    return list(items, [&](const std::string& s) { return python_str_repr(s); });
  }
  std::string keywords(const std::vector<Keyword*>& items) {
    return list(items, [&](const Keyword* k) {
      Node n;
      n.begin("keyword");
      if (k->arg) n.field("arg", python_str_repr(*k->arg));
      n.field("value", expr(k->value));
      return n.end(k, attributes_);
    });
  }
  std::string comprehensions(const std::vector<Comprehension*>& items) {
    return list(items, [&](const Comprehension* c) {
      Node n;
      n.begin("comprehension").field("target", expr(c->target)).field("iter", expr(c->iter));
      n.field("ifs", exprs(c->ifs)).field("is_async", std::to_string(c->is_async));
      return n.end(nullptr, false);
    });
  }
  std::string arg(const Arg* a) {
    Node n;
    n.begin("arg").field("arg", python_str_repr(a->arg));
    n.optional("annotation", a->annotation, *this);
    return n.end(a, attributes_);
  }
  std::string arguments(const Arguments* a) {
    Node n;
    auto args = [&](const std::vector<Arg*>& items) {
      return list(items, [&](const Arg* x) { return arg(x); });
    };
    n.begin("arguments").field("posonlyargs", args(a->posonlyargs)).field("args", args(a->args));
    if (a->vararg) n.field("vararg", arg(a->vararg));
    n.field("kwonlyargs", args(a->kwonlyargs)).field("kw_defaults", exprs(a->kw_defaults));
    if (a->kwarg) n.field("kwarg", arg(a->kwarg));
    n.field("defaults", exprs(a->defaults));
    return n.end(nullptr, false);
  }
  std::string aliases(const std::vector<Alias*>& items) {
    return list(items, [&](const Alias* a) {
      Node n;
      n.begin("alias").field("name", python_str_repr(a->name));
      if (a->asname) n.field("asname", python_str_repr(*a->asname));
      return n.end(a, attributes_);
    });
  }

  std::string stmt(const Stmt* s) {
    Node n;
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* x = s->as<FunctionDef>();
        n.begin("FunctionDef").field("name", python_str_repr(x->name));
        n.field("args", arguments(x->args)).field("body", stmts(x->body));
        n.field("decorator_list", exprs(x->decorator_list));
        n.optional("returns", x->returns, *this);
        break;
      }
      case StmtKind::ClassDef: {
        auto* x = s->as<ClassDef>();
        n.begin("ClassDef").field("name", python_str_repr(x->name));
        n.field("bases", exprs(x->bases)).field("keywords", keywords(x->keywords));
        n.field("body", stmts(x->body)).field("decorator_list", exprs(x->decorator_list));
        break;
      }
      case StmtKind::Return:
        n.begin("Return").optional("value", s->as<Return>()->value, *this);
        break;
      case StmtKind::Delete:
        n.begin("Delete").field("targets", exprs(s->as<Delete>()->targets));
        break;
      case StmtKind::Assign: {
        auto* x = s->as<Assign>();
        n.begin("Assign").field("targets", exprs(x->targets)).field("value", expr(x->value));
        break;
      }
      case StmtKind::AugAssign: {
        auto* x = s->as<AugAssign>();
        n.begin("AugAssign").field("target", expr(x->target)).field("op", op_name(x->op));
        n.field("value", expr(x->value));
        break;
      }
      case StmtKind::AnnAssign: {
        auto* x = s->as<AnnAssign>();
        n.begin("AnnAssign").field("target", expr(x->target));
        n.field("annotation", expr(x->annotation)).optional("value", x->value, *this);
        n.field("simple", std::to_string(x->simple));
        break;
      }
      case StmtKind::For: {
        auto* x = s->as<For>();
        n.begin("For").field("target", expr(x->target)).field("iter", expr(x->iter));
        n.field("body", stmts(x->body)).field("orelse", stmts(x->orelse));
        break;
      }
      case StmtKind::While: {
        auto* x = s->as<While>();
        n.begin("While").field("test", expr(x->test)).field("body", stmts(x->body));
        n.field("orelse", stmts(x->orelse));
        break;
      }
      case StmtKind::If: {
        auto* x = s->as<If>();
        n.begin("If").field("test", expr(x->test)).field("body", stmts(x->body));
        n.field("orelse", stmts(x->orelse));
        break;
      }
      case StmtKind::With: {
        auto* x = s->as<With>();
        n.begin("With").field("items", list(x->items, [&](const WithItem* item) {
                                Node w;
                                w.begin("withitem").field("context_expr", expr(item->context_expr));
                                w.optional("optional_vars", item->optional_vars, *this);
                                return w.end(nullptr, false);
                              }));
        n.field("body", stmts(x->body));
        break;
      }
      case StmtKind::Raise: {
        auto* x = s->as<Raise>();
        n.begin("Raise").optional("exc", x->exc, *this).optional("cause", x->cause, *this);
        break;
      }
      case StmtKind::Try: {
        auto* x = s->as<Try>();
        n.begin("Try").field("body", stmts(x->body));
        n.field("handlers", list(x->handlers, [&](const ExceptHandler* h) {
                  Node hn;
                  hn.begin("ExceptHandler").optional("type", h->type, *this);
                  if (h->name) hn.field("name", python_str_repr(*h->name));
                  hn.field("body", stmts(h->body));
                  return hn.end(h, attributes_);
                }));
        n.field("orelse", stmts(x->orelse)).field("finalbody", stmts(x->finalbody));
        break;
      }
      case StmtKind::Assert: {
        auto* x = s->as<Assert>();
        n.begin("Assert").field("test", expr(x->test)).optional("msg", x->msg, *this);
        break;
      }
      case StmtKind::Import:
        n.begin("Import").field("names", aliases(s->as<Import>()->names));
        break;
      case StmtKind::ImportFrom: {
        auto* x = s->as<ImportFrom>();
        n.begin("ImportFrom");
        if (x->module) n.field("module", python_str_repr(*x->module));
        n.field("names", aliases(x->names)).field("level", std::to_string(x->level));
        break;
      }
      case StmtKind::Global:
        n.begin("Global").field("names", names(s->as<Global>()->names));
        break;
      case StmtKind::Nonlocal:
        n.begin("Nonlocal").field("names", names(s->as<Nonlocal>()->names));
        break;
      case StmtKind::Expr:
        n.begin("Expr").field("value", expr(s->as<ExprStmt>()->value));
        break;
      case StmtKind::Pass:
        n.begin("Pass");
        break;
      case StmtKind::Break:
        n.begin("Break");
        break;
      case StmtKind::Continue:
        n.begin("Continue");
        break;
    }
    return n.end(s, attributes_);
  }

  bool attributes_;
};

}  // namespace

std::string ast_dump(const Module& module, bool include_attributes) {
  return Dumper(include_attributes).module(module);
}

std::string ast_dump(const Expr& expression, bool include_attributes) {
  return Dumper(include_attributes).expr(&expression);
}

}  // namespace quire::lang::syntax
