// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// The compile-time sandbox policy: one walk over the syntax tree collecting
// RestrictedPython's refusals (messages copied from its transformer.py, with
// Frappe's `_dict` exception). The walk's depth is bounded by the parser's
// nesting limit, so recursion here cannot exhaust the native stack.
#include "lang/sandbox/policy.h"

#include <algorithm>
#include <array>

namespace quire::lang::sandbox {

namespace {

using namespace syntax;

// RestrictedPython's INSPECT_ATTRIBUTES: frame, code and generator internals.
constexpr std::array<std::string_view, 17> kInspectAttributes = {
    "tb_frame",     "tb_next",  "f_back",   "f_builtins", "f_code",   "f_generator",
    "f_globals",    "f_locals", "f_trace",  "co_code",    "gi_frame", "gi_code",
    "gi_yieldfrom", "cr_await", "cr_frame", "cr_code",    "cr_origin"};

bool starts_with_underscore(std::string_view name) {
  return !name.empty() && name[0] == '_' && name != "_";
}
bool ends_with_roles(std::string_view name) {
  constexpr std::string_view roles = "__roles__";
  return name.size() >= roles.size() && name.substr(name.size() - roles.size()) == roles;
}
bool is_dunder(std::string_view name) {
  return name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
}
bool in_inspect_set(std::string_view name) {
  return std::find(kInspectAttributes.begin(), kInspectAttributes.end(), name) !=
         kInspectAttributes.end();
}

// How a name is used: print/printed are only reserved where they are bound.
enum class NameUse { Load, Bind };

class PolicyWalker {
 public:
  std::vector<PolicyViolation> violations;

  void module(const Module& m) { body(m.body, false); }

 private:
  void error(const Located& at, std::string message) {
    violations.push_back(
        {at.lineno, at.col_offset, "Line " + std::to_string(at.lineno) + ": " + message});
  }

  // RestrictedPython's check_name (with FrappeTransformer's `_dict` exception).
  void name(const Located& at, std::string_view id, NameUse use, bool magic_allowed = false) {
    if (id == "_dict") return;
    if (starts_with_underscore(id) && !(magic_allowed && is_dunder(id))) {
      error(at,
            "\"" + std::string(id) + "\" is an invalid variable name because it starts with \"_\"");
    } else if (ends_with_roles(id)) {
      error(at, "\"" + std::string(id) +
                    "\" is an invalid variable name because it ends with \"__roles__\".");
    } else if (id == "builtins" || id == "breakpoint" ||
               (use == NameUse::Bind && (id == "print" || id == "printed"))) {
      error(at, "\"" + std::string(id) + "\" is a reserved name.");
    }
  }

  void attribute(const Attribute& a) {
    const std::string& n = a.attr;
    if (starts_with_underscore(n))
      error(a, "\"" + n + "\" is an invalid attribute name because it starts with \"_\".");
    if (ends_with_roles(n))
      error(a, "\"" + n + "\" is an invalid attribute name because it ends with \"__roles__\".");
    if (in_inspect_set(n))
      error(a,
            "\"" + n + "\" is a restricted name, that is forbidden to access in RestrictedPython.");
  }

  void arguments(const Located& at, const Arguments* args) {
    if (!args) return;
    auto one = [&](const Arg* a) {
      if (!a) return;
      name(*a, a->arg, NameUse::Bind);
      expr(a->annotation);
    };
    for (const Arg* a : args->posonlyargs) one(a);
    for (const Arg* a : args->args) one(a);
    one(args->vararg);
    for (const Arg* a : args->kwonlyargs) one(a);
    one(args->kwarg);
    exprs(args->defaults);
    exprs(args->kw_defaults);
    (void)at;
  }

  void comprehensions(const std::vector<Comprehension*>& gens) {
    for (const Comprehension* c : gens) {
      expr(c->target);
      expr(c->iter);
      exprs(c->ifs);
    }
  }

  void exprs(const ExprList& list) {
    for (const Expr* e : list) expr(e);
  }

  void expr(const Expr* e) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::BoolOp:
        exprs(e->as<BoolOp>()->values);
        break;
      case ExprKind::NamedExpr:
        expr(e->as<NamedExpr>()->target);
        expr(e->as<NamedExpr>()->value);
        break;
      case ExprKind::BinOp:
        expr(e->as<BinOp>()->left);
        expr(e->as<BinOp>()->right);
        break;
      case ExprKind::UnaryOp:
        expr(e->as<UnaryOp>()->operand);
        break;
      case ExprKind::Lambda:
        arguments(*e, e->as<Lambda>()->args);
        expr(e->as<Lambda>()->body);
        break;
      case ExprKind::IfExp:
        expr(e->as<IfExp>()->test);
        expr(e->as<IfExp>()->body);
        expr(e->as<IfExp>()->orelse);
        break;
      case ExprKind::Dict:
        exprs(e->as<Dict>()->keys);
        exprs(e->as<Dict>()->values);
        break;
      case ExprKind::Set:
        exprs(e->as<Set>()->elts);
        break;
      case ExprKind::ListComp:
        expr(e->as<ListComp>()->elt);
        comprehensions(e->as<ListComp>()->generators);
        break;
      case ExprKind::SetComp:
        expr(e->as<SetComp>()->elt);
        comprehensions(e->as<SetComp>()->generators);
        break;
      case ExprKind::DictComp:
        expr(e->as<DictComp>()->key);
        expr(e->as<DictComp>()->value);
        comprehensions(e->as<DictComp>()->generators);
        break;
      case ExprKind::GeneratorExp:
        expr(e->as<GeneratorExp>()->elt);
        comprehensions(e->as<GeneratorExp>()->generators);
        break;
      case ExprKind::Yield:
        expr(e->as<Yield>()->value);
        break;
      case ExprKind::YieldFrom:
        expr(e->as<YieldFrom>()->value);
        break;
      case ExprKind::Compare:
        expr(e->as<Compare>()->left);
        exprs(e->as<Compare>()->comparators);
        break;
      case ExprKind::Call: {
        const Call* c = e->as<Call>();
        if (const Name* f = c->func->as<Name>()) {
          if (f->id == "exec") error(*c, "Exec calls are not allowed.");
          if (f->id == "eval") error(*c, "Eval calls are not allowed.");
        }
        expr(c->func);
        exprs(c->args);
        for (const Keyword* k : c->keywords) expr(k->value);
        break;
      }
      case ExprKind::FormattedValue:
        expr(e->as<FormattedValue>()->value);
        expr(e->as<FormattedValue>()->format_spec);
        break;
      case ExprKind::JoinedStr:
        exprs(e->as<JoinedStr>()->values);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Attribute:
        attribute(*e->as<Attribute>());
        expr(e->as<Attribute>()->value);
        break;
      case ExprKind::Subscript:
        expr(e->as<Subscript>()->value);
        expr(e->as<Subscript>()->slice);
        break;
      case ExprKind::Starred:
        expr(e->as<Starred>()->value);
        break;
      case ExprKind::Name: {
        const Name* n = e->as<Name>();
        name(*n, n->id, n->ctx == ExprContext::Load ? NameUse::Load : NameUse::Bind);
        break;
      }
      case ExprKind::List:
        exprs(e->as<List>()->elts);
        break;
      case ExprKind::Tuple:
        exprs(e->as<Tuple>()->elts);
        break;
      case ExprKind::Slice:
        expr(e->as<Slice>()->lower);
        expr(e->as<Slice>()->upper);
        expr(e->as<Slice>()->step);
        break;
    }
  }

  void body(const StmtList& list, bool in_class) {
    for (const Stmt* s : list) stmt(s, in_class);
  }

  void import_names(const Stmt& at, const std::vector<Alias*>& names) {
    for (const Alias* a : names) {
      if (a->name.find('*') != std::string::npos)
        error(at, "\"*\" imports are not allowed.");
      else
        name(at, a->name, NameUse::Bind);
      if (a->asname) name(at, *a->asname, NameUse::Bind);
    }
  }

  void stmt(const Stmt* s, bool in_class) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        const FunctionDef* f = s->as<FunctionDef>();
        exprs(f->decorator_list);
        name(*f, f->name, NameUse::Bind, in_class);
        arguments(*f, f->args);
        expr(f->returns);
        body(f->body, false);
        break;
      }
      case StmtKind::ClassDef: {
        const ClassDef* c = s->as<ClassDef>();
        exprs(c->decorator_list);
        name(*c, c->name, NameUse::Bind);
        exprs(c->bases);
        for (const Keyword* k : c->keywords) {
          if (k->arg && *k->arg == "metaclass")
            error(*c, "The keyword argument \"metaclass\" is not allowed.");
          expr(k->value);
        }
        body(c->body, true);
        break;
      }
      case StmtKind::Return:
        expr(s->as<Return>()->value);
        break;
      case StmtKind::Delete:
        exprs(s->as<Delete>()->targets);
        break;
      case StmtKind::Assign:
        exprs(s->as<Assign>()->targets);
        expr(s->as<Assign>()->value);
        break;
      case StmtKind::AugAssign:
        expr(s->as<AugAssign>()->target);
        expr(s->as<AugAssign>()->value);
        break;
      case StmtKind::AnnAssign:
        expr(s->as<AnnAssign>()->target);
        expr(s->as<AnnAssign>()->annotation);
        expr(s->as<AnnAssign>()->value);
        break;
      case StmtKind::For:
        expr(s->as<For>()->target);
        expr(s->as<For>()->iter);
        body(s->as<For>()->body, false);
        body(s->as<For>()->orelse, false);
        break;
      case StmtKind::While:
        expr(s->as<While>()->test);
        body(s->as<While>()->body, false);
        body(s->as<While>()->orelse, false);
        break;
      case StmtKind::If:
        expr(s->as<If>()->test);
        body(s->as<If>()->body, in_class);
        body(s->as<If>()->orelse, in_class);
        break;
      case StmtKind::With:
        for (const WithItem* w : s->as<With>()->items) {
          expr(w->context_expr);
          expr(w->optional_vars);
        }
        body(s->as<With>()->body, false);
        break;
      case StmtKind::Raise:
        expr(s->as<Raise>()->exc);
        expr(s->as<Raise>()->cause);
        break;
      case StmtKind::Try: {
        const Try* t = s->as<Try>();
        body(t->body, false);
        for (const ExceptHandler* h : t->handlers) {
          expr(h->type);
          if (h->name) name(*h, *h->name, NameUse::Bind);
          body(h->body, false);
        }
        body(t->orelse, false);
        body(t->finalbody, false);
        break;
      }
      case StmtKind::Assert:
        expr(s->as<Assert>()->test);
        expr(s->as<Assert>()->msg);
        break;
      case StmtKind::Import:
        import_names(*s, s->as<Import>()->names);
        break;
      case StmtKind::ImportFrom:
        import_names(*s, s->as<ImportFrom>()->names);
        break;
      case StmtKind::Global:
        for (const std::string& n : s->as<Global>()->names) name(*s, n, NameUse::Bind);
        break;
      case StmtKind::Nonlocal:
        for (const std::string& n : s->as<Nonlocal>()->names) name(*s, n, NameUse::Bind);
        break;
      case StmtKind::Expr:
        expr(s->as<ExprStmt>()->value);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
    }
  }
};

}  // namespace

std::vector<PolicyViolation> check_policy(const syntax::Module& module) {
  PolicyWalker walker;
  walker.module(module);
  std::stable_sort(walker.violations.begin(), walker.violations.end(),
                   [](const PolicyViolation& a, const PolicyViolation& b) {
                     return a.lineno != b.lineno ? a.lineno < b.lineno
                                                 : a.col_offset < b.col_offset;
                   });
  return std::move(walker.violations);
}

bool attribute_allowed(std::string_view name) {
  return !(starts_with_underscore(name) || ends_with_roles(name) || in_inspect_set(name));
}

bool builtin_hidden(std::string_view name) {
  // Spec §3.5's absent builtins that quire's table has, plus anything that
  // reflects on scopes. getattr/hasattr/setattr/type/iter/next/map/filter/
  // reversed/super/object/property... stay: they are safe here (the runtime
  // attribute rule covers computed names) and Frappe scripts are a subset.
  static constexpr std::array<std::string_view, 14> hidden = {
      "vars", "globals", "locals",     "dir",        "open",       "input", "compile",
      "eval", "exec",    "breakpoint", "memoryview", "__import__", "help",  "exit"};
  return std::find(hidden.begin(), hidden.end(), name) != hidden.end();
}

}  // namespace quire::lang::sandbox
