#include "lang/syntax/checks.h"

#include <string>
#include <unordered_set>

namespace quire::lang::syntax {
namespace {

struct CheckFailure {
  LocatedError error;
};

[[noreturn]] void fail(const Located& at, std::string message) {
  LocatedError e;
  e.message = std::move(message);
  e.lineno = at.lineno;
  e.col = at.col_offset;
  e.end_lineno = at.end_lineno;
  e.end_col = at.end_col_offset;
  throw CheckFailure{std::move(e)};
}

// Symbol-table phase: runs over the whole module first, as CPython does.
class SymtableChecks {
 public:
  void module(const Module& m) { body(m.body, true); }

 private:
  void body(const StmtList& stmts, bool module_level) {
    for (const Stmt* s : stmts) stmt(s, module_level);
  }
  void arguments(const Arguments* a) {
    std::unordered_set<std::string> seen;
    auto check = [&](const Arg* arg) {
      if (arg && !seen.insert(arg->arg).second) {
        fail(*arg, "duplicate argument '" + arg->arg + "' in function definition");
      }
    };
    for (const Arg* arg : a->posonlyargs) check(arg);
    for (const Arg* arg : a->args) check(arg);
    check(a->vararg);
    for (const Arg* arg : a->kwonlyargs) check(arg);
    check(a->kwarg);
    for (const Expr* d : a->defaults) expr(d);
    for (const Expr* d : a->kw_defaults) expr(d);
  }
  void stmt(const Stmt* s, bool module_level) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = s->as<FunctionDef>();
        for (const Expr* d : f->decorator_list) expr(d);
        arguments(f->args);
        body(f->body, false);
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = s->as<ClassDef>();
        for (const Expr* d : c->decorator_list) expr(d);
        for (const Expr* b : c->bases) expr(b);
        body(c->body, false);
        break;
      }
      case StmtKind::Nonlocal:
        if (module_level) fail(*s, "nonlocal declaration not allowed at module level");
        break;
      case StmtKind::If: {
        auto* i = s->as<If>();
        expr(i->test);
        body(i->body, module_level);
        body(i->orelse, module_level);
        break;
      }
      case StmtKind::For: {
        auto* f = s->as<For>();
        expr(f->iter);
        body(f->body, module_level);
        body(f->orelse, module_level);
        break;
      }
      case StmtKind::While: {
        auto* w = s->as<While>();
        expr(w->test);
        body(w->body, module_level);
        body(w->orelse, module_level);
        break;
      }
      case StmtKind::With: {
        auto* w = s->as<With>();
        for (const WithItem* item : w->items) expr(item->context_expr);
        body(w->body, module_level);
        break;
      }
      case StmtKind::Try: {
        auto* t = s->as<Try>();
        body(t->body, module_level);
        for (const ExceptHandler* h : t->handlers) body(h->body, module_level);
        body(t->orelse, module_level);
        body(t->finalbody, module_level);
        break;
      }
      case StmtKind::Expr:
        expr(s->as<ExprStmt>()->value);
        break;
      case StmtKind::Assign:
        expr(s->as<Assign>()->value);
        break;
      case StmtKind::Return:
        if (s->as<Return>()->value) expr(s->as<Return>()->value);
        break;
      default:
        break;
    }
  }
  // Lambdas can hide anywhere in expressions; look for their parameters.
  void expr(const Expr* e) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::Lambda:
        arguments(e->as<Lambda>()->args);
        expr(e->as<Lambda>()->body);
        break;
      case ExprKind::Call:
        expr(e->as<Call>()->func);
        for (const Expr* a : e->as<Call>()->args) expr(a);
        for (const Keyword* k : e->as<Call>()->keywords) expr(k->value);
        break;
      case ExprKind::BinOp:
        expr(e->as<BinOp>()->left);
        expr(e->as<BinOp>()->right);
        break;
      case ExprKind::BoolOp:
        for (const Expr* v : e->as<BoolOp>()->values) expr(v);
        break;
      case ExprKind::IfExp:
        expr(e->as<IfExp>()->test);
        expr(e->as<IfExp>()->body);
        expr(e->as<IfExp>()->orelse);
        break;
      case ExprKind::Tuple:
        for (const Expr* v : e->as<Tuple>()->elts) expr(v);
        break;
      case ExprKind::List:
        for (const Expr* v : e->as<List>()->elts) expr(v);
        break;
      case ExprKind::Dict:
        for (const Expr* v : e->as<Dict>()->values) expr(v);
        break;
      default:
        break;
    }
  }
};

// Compiler phase: context-dependent statements and starred expressions.
class CompilerChecks {
 public:
  void module(const Module& m) { body(m.body); }

 private:
  struct Context {
    bool in_function = false;
    bool in_loop = false;
  };
  Context ctx_;
  const char* comprehension_ = nullptr;  // innermost comprehension kind

  void body(const StmtList& stmts) {
    for (const Stmt* s : stmts) stmt(s);
  }
  void loop_body(const StmtList& stmts) {
    bool saved = ctx_.in_loop;
    ctx_.in_loop = true;
    body(stmts);
    ctx_.in_loop = saved;
  }
  void arguments(const Arguments* a) {
    for (const Expr* d : a->defaults) expr(d);
    for (const Expr* d : a->kw_defaults) {
      if (d) expr(d);  // nullptr: a keyword-only parameter without default
    }
    auto annotation = [&](const Arg* arg) {
      if (arg && arg->annotation) expr(arg->annotation);
    };
    for (const Arg* arg : a->posonlyargs) annotation(arg);
    for (const Arg* arg : a->args) annotation(arg);
    annotation(a->vararg);
    for (const Arg* arg : a->kwonlyargs) annotation(arg);
    annotation(a->kwarg);
  }
  void target(const Expr* t) {
    if (t->kind == ExprKind::Starred) {
      fail(*t, "starred assignment target must be in a list or tuple");
    }
    store(t);
  }
  // A target in Store context: starred allowed once per list/tuple.
  void store(const Expr* t) {
    const ExprList* elts = nullptr;
    if (auto* tuple = t->as<Tuple>()) elts = &tuple->elts;
    if (auto* list = t->as<List>()) elts = &list->elts;
    if (elts) {
      bool seen_star = false;
      for (const Expr* elt : *elts) {
        if (elt->kind == ExprKind::Starred) {
          if (seen_star) fail(*t, "multiple starred expressions in assignment");
          seen_star = true;
          store(elt->as<Starred>()->value);
        } else {
          store(elt);
        }
      }
      return;
    }
    if (t->kind == ExprKind::Starred) fail(*t, "can't use starred expression here");
    expr(t);
  }
  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = s->as<FunctionDef>();
        for (const Expr* d : f->decorator_list) expr(d);
        arguments(f->args);
        if (f->returns) expr(f->returns);
        Context saved = ctx_;
        ctx_ = Context{true, false};
        body(f->body);
        ctx_ = saved;
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = s->as<ClassDef>();
        for (const Expr* d : c->decorator_list) expr(d);
        elements(c->bases);  // `class A(*bases)` is allowed
        keywords(c->keywords);
        Context saved = ctx_;
        ctx_ = Context{false, false};
        body(c->body);
        ctx_ = saved;
        break;
      }
      case StmtKind::Return: {
        if (!ctx_.in_function) fail(*s, "'return' outside function");
        if (auto* v = s->as<Return>()->value) expr(v);
        break;
      }
      case StmtKind::Delete:
        for (const Expr* t : s->as<Delete>()->targets) expr(t);
        break;
      case StmtKind::Assign: {
        auto* a = s->as<Assign>();
        for (const Expr* t : a->targets) target(t);
        expr(a->value);
        break;
      }
      case StmtKind::AugAssign:
        expr(s->as<AugAssign>()->target);
        expr(s->as<AugAssign>()->value);
        break;
      case StmtKind::AnnAssign: {
        auto* a = s->as<AnnAssign>();
        expr(a->target);
        expr(a->annotation);
        if (a->value) expr(a->value);
        break;
      }
      case StmtKind::For: {
        auto* f = s->as<For>();
        target(f->target);
        expr(f->iter);
        loop_body(f->body);
        body(f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = s->as<While>();
        expr(w->test);
        loop_body(w->body);
        body(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = s->as<If>();
        expr(i->test);
        body(i->body);
        body(i->orelse);
        break;
      }
      case StmtKind::With: {
        auto* w = s->as<With>();
        for (const WithItem* item : w->items) {
          expr(item->context_expr);
          if (item->optional_vars) target(item->optional_vars);
        }
        body(w->body);
        break;
      }
      case StmtKind::Raise: {
        auto* r = s->as<Raise>();
        if (r->exc) expr(r->exc);
        if (r->cause) expr(r->cause);
        break;
      }
      case StmtKind::Try: {
        auto* t = s->as<Try>();
        body(t->body);
        for (const ExceptHandler* h : t->handlers) {
          if (h->type) expr(h->type);
          body(h->body);
        }
        body(t->orelse);
        body(t->finalbody);
        break;
      }
      case StmtKind::Assert:
        expr(s->as<Assert>()->test);
        if (s->as<Assert>()->msg) expr(s->as<Assert>()->msg);
        break;
      case StmtKind::Expr: {
        const Expr* v = s->as<ExprStmt>()->value;
        if (v->kind == ExprKind::Starred) fail(*v, "can't use starred expression here");
        expr(v);
        break;
      }
      case StmtKind::Break:
        if (!ctx_.in_loop) fail(*s, "'break' outside loop");
        break;
      case StmtKind::Continue:
        if (!ctx_.in_loop) fail(*s, "'continue' not properly in loop");
        break;
      default:
        break;
    }
  }
  void keywords(const std::vector<Keyword*>& kws) {
    std::unordered_set<std::string> seen;
    for (const Keyword* k : kws) {
      if (k->arg && !seen.insert(*k->arg).second) fail(*k, "keyword argument repeated: " + *k->arg);
    }
    for (const Keyword* k : kws) expr(k->value);
  }
  // Elements of displays and call arguments may be starred.
  void elements(const ExprList& elts) {
    for (const Expr* e : elts) {
      if (e->kind == ExprKind::Starred)
        expr(e->as<Starred>()->value);
      else
        expr(e);
    }
  }
  void comprehension(const char* kind, const std::vector<Comprehension*>& generators,
                     const Expr* elt, const Expr* value) {
    // The first iterable is evaluated outside the comprehension's scope.
    expr(generators.front()->iter);
    const char* saved = comprehension_;
    Context saved_ctx = ctx_;
    comprehension_ = kind;
    ctx_ = Context{true, false};
    for (std::size_t i = 0; i < generators.size(); ++i) {
      store(generators[i]->target);
      if (i > 0) expr(generators[i]->iter);
      for (const Expr* cond : generators[i]->ifs) expr(cond);
    }
    expr(elt);
    if (value) expr(value);
    comprehension_ = saved;
    ctx_ = saved_ctx;
  }
  void expr(const Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (const Expr* v : e->as<BoolOp>()->values) expr(v);
        break;
      case ExprKind::NamedExpr:
        expr(e->as<NamedExpr>()->value);
        break;
      case ExprKind::BinOp:
        expr(e->as<BinOp>()->left);
        expr(e->as<BinOp>()->right);
        break;
      case ExprKind::UnaryOp:
        expr(e->as<UnaryOp>()->operand);
        break;
      case ExprKind::Lambda: {
        arguments(e->as<Lambda>()->args);
        Context saved = ctx_;
        const char* saved_comp = comprehension_;
        ctx_ = Context{true, false};
        comprehension_ = nullptr;
        expr(e->as<Lambda>()->body);
        ctx_ = saved;
        comprehension_ = saved_comp;
        break;
      }
      case ExprKind::IfExp:
        expr(e->as<IfExp>()->test);
        expr(e->as<IfExp>()->body);
        expr(e->as<IfExp>()->orelse);
        break;
      case ExprKind::Dict: {
        auto* d = e->as<Dict>();
        for (std::size_t i = 0; i < d->keys.size(); ++i) {
          if (d->keys[i]) expr(d->keys[i]);
          expr(d->values[i]);
        }
        break;
      }
      case ExprKind::Set:
        elements(e->as<Set>()->elts);
        break;
      case ExprKind::List:
        elements(e->as<List>()->elts);
        break;
      case ExprKind::Tuple:
        elements(e->as<Tuple>()->elts);
        break;
      case ExprKind::ListComp:
        comprehension("list comprehension", e->as<ListComp>()->generators, e->as<ListComp>()->elt,
                      nullptr);
        break;
      case ExprKind::SetComp:
        comprehension("set comprehension", e->as<SetComp>()->generators, e->as<SetComp>()->elt,
                      nullptr);
        break;
      case ExprKind::DictComp:
        comprehension("dict comprehension", e->as<DictComp>()->generators, e->as<DictComp>()->key,
                      e->as<DictComp>()->value);
        break;
      case ExprKind::GeneratorExp:
        comprehension("generator expression", e->as<GeneratorExp>()->generators,
                      e->as<GeneratorExp>()->elt, nullptr);
        break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom: {
        if (comprehension_) fail(*e, std::string("'yield' inside ") + comprehension_);
        if (!ctx_.in_function) fail(*e, "'yield' outside function");
        const Expr* v =
            e->kind == ExprKind::Yield ? e->as<Yield>()->value : e->as<YieldFrom>()->value;
        if (v) expr(v);
        break;
      }
      case ExprKind::Compare:
        expr(e->as<Compare>()->left);
        for (const Expr* c : e->as<Compare>()->comparators) expr(c);
        break;
      case ExprKind::Call:
        expr(e->as<Call>()->func);
        elements(e->as<Call>()->args);
        keywords(e->as<Call>()->keywords);
        break;
      case ExprKind::FormattedValue:
        expr(e->as<FormattedValue>()->value);
        if (e->as<FormattedValue>()->format_spec) expr(e->as<FormattedValue>()->format_spec);
        break;
      case ExprKind::JoinedStr:
        for (const Expr* v : e->as<JoinedStr>()->values) expr(v);
        break;
      case ExprKind::Attribute:
        expr(e->as<Attribute>()->value);
        break;
      case ExprKind::Subscript: {
        expr(e->as<Subscript>()->value);
        const Expr* slice = e->as<Subscript>()->slice;
        if (auto* t = slice->as<Tuple>())
          elements(t->elts);
        else
          expr(slice);
        break;
      }
      case ExprKind::Starred:
        fail(*e, "can't use starred expression here");
      case ExprKind::Slice: {
        auto* s = e->as<Slice>();
        if (s->lower) expr(s->lower);
        if (s->upper) expr(s->upper);
        if (s->step) expr(s->step);
        break;
      }
      case ExprKind::Constant:
      case ExprKind::Name:
        break;
    }
  }
};

}  // namespace

std::optional<LocatedError> check_module(const Module& module) {
  try {
    SymtableChecks().module(module);
    CompilerChecks().module(module);
  } catch (CheckFailure& failure) {
    return std::move(failure.error);
  }
  return std::nullopt;
}

}  // namespace quire::lang::syntax
