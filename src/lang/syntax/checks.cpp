#include "lang/syntax/checks.h"

#include <array>
#include <string>
#include <string_view>
#include <unordered_set>

#include "lang/syntax/walker.h"

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

// Names seen so far in one parameter or keyword list. Such lists are short:
// they are compared pairwise without allocating, and only a long one (a
// generated def with thousands of parameters) moves to a hash set.
class RepeatedNames {
 public:
  // True when `name` was added before.
  bool seen_before(std::string_view name) {
    if (count_ < kFew) {
      for (std::size_t i = 0; i < count_; ++i) {
        if (few_[i] == name) return true;
      }
      few_[count_++] = name;
      return false;
    }
    if (many_.empty()) many_.insert(few_.begin(), few_.end());
    return !many_.insert(name).second;
  }

 private:
  static constexpr std::size_t kFew = 16;
  std::array<std::string_view, kFew> few_;
  std::size_t count_ = 0;
  std::unordered_set<std::string_view> many_;
};

// Symbol-table phase: runs over the whole module first, as CPython does.
class SymtableChecks : public AstWalker<SymtableChecks> {
 public:
  using AstWalker::visit;

  // Parameters are checked where CPython's symtable enters the new scope:
  // after what the def evaluates outside it (decorators, defaults, annotations).
  void visit(const FunctionDef* f) {
    walk_outside(f);
    check_parameters(f->args);
    nested_body([&] { walk_inside(f); });
  }
  void visit(const Lambda* l) {
    walk_outside(l);
    check_parameters(l->args);
    walk_inside(l);
  }
  void visit(const ClassDef* c) {
    walk_outside(c);
    nested_body([&] { walk_inside(c); });
  }
  void visit(const Nonlocal* n) {
    if (module_level_) fail(*n, "nonlocal declaration not allowed at module level");
  }

 private:
  bool module_level_ = true;

  template <class F>
  void nested_body(F&& walk_body) {
    bool saved = module_level_;
    module_level_ = false;
    walk_body();
    module_level_ = saved;
  }
  static void check_parameters(const Arguments* a) {
    RepeatedNames seen;
    auto check = [&](const Arg* arg) {
      if (arg && seen.seen_before(arg->arg)) {
        fail(*arg, "duplicate argument '" + arg->arg + "' in function definition");
      }
    };
    for (const Arg* arg : a->posonlyargs) check(arg);
    for (const Arg* arg : a->args) check(arg);
    check(a->vararg);
    for (const Arg* arg : a->kwonlyargs) check(arg);
    check(a->kwarg);
  }
};

// Compiler phase: context-dependent statements and starred expressions.
class CompilerChecks : public AstWalker<CompilerChecks> {
 public:
  using AstWalker::visit;

  // ---- scopes: where return, yield, break and continue may stand
  void visit(const FunctionDef* f) {
    walk_outside(f);
    in_context({true, false}, comprehension_, [&] { walk_inside(f); });
  }
  void visit(const ClassDef* c) {
    walk(c->decorator_list);
    elements(c->bases);  // `class A(*bases)` is allowed
    keywords(c->keywords);
    in_context({false, false}, comprehension_, [&] { walk_inside(c); });
  }
  void visit(const Lambda* l) {
    walk_outside(l);
    in_context({true, false}, nullptr, [&] { walk_inside(l); });
  }
  void visit_comprehension(const ComprehensionNode& c) {
    walk_outside(c);
    in_context({true, false}, comprehension_kind(c.node), [&] {
      bool first = true;
      for (const Comprehension* g : *c.generators) {
        store(g->target);
        if (!first) walk(g->iter);
        first = false;
        walk(g->ifs);
      }
      walk(c.element);
      walk(c.value);
    });
  }
  void visit(const Return* r) {
    if (!ctx_.in_function) fail(*r, "'return' outside function");
    walk_children(r);
  }
  void visit(const Yield* y) {
    check_yield(*y);
    walk_children(y);
  }
  void visit(const YieldFrom* y) {
    check_yield(*y);
    walk_children(y);
  }
  void visit(const For* f) {
    target(f->target);
    walk(f->iter);
    loop_body(f->body);
    walk(f->orelse);
  }
  void visit(const While* w) {
    walk(w->test);
    loop_body(w->body);
    walk(w->orelse);
  }
  void visit(const Break* b) {
    if (!ctx_.in_loop) fail(*b, "'break' outside loop");
  }
  void visit(const Continue* c) {
    if (!ctx_.in_loop) fail(*c, "'continue' not properly in loop");
  }

  // ---- assignment targets
  void visit(const Assign* a) {
    for (const Expr* t : a->targets) target(t);
    walk(a->value);
  }
  void visit(const With* w) {
    for (const WithItem* item : w->items) {
      walk(item->context_expr);
      if (item->optional_vars) target(item->optional_vars);
    }
    walk(w->body);
  }

  // ---- starred expressions: only in displays, call arguments and targets
  void visit(const Starred* s) { fail(*s, "can't use starred expression here"); }
  void visit(const Set* s) { elements(s->elts); }
  void visit(const List* l) { elements(l->elts); }
  void visit(const Tuple* t) { elements(t->elts); }
  void visit(const Call* c) {
    walk(c->func);
    elements(c->args);
    keywords(c->keywords);
  }
  void visit(const Subscript* s) {
    walk(s->value);
    if (auto* t = s->slice->as<Tuple>())
      elements(t->elts);
    else
      walk(s->slice);
  }

 private:
  struct Context {
    bool in_function = false;
    bool in_loop = false;
  };
  Context ctx_;
  const char* comprehension_ = nullptr;  // innermost comprehension kind

  template <class F>
  void in_context(Context ctx, const char* comprehension, F&& walk_body) {
    Context saved = ctx_;
    const char* saved_comprehension = comprehension_;
    ctx_ = ctx;
    comprehension_ = comprehension;
    walk_body();
    ctx_ = saved;
    comprehension_ = saved_comprehension;
  }
  void loop_body(const StmtList& stmts) {
    bool saved = ctx_.in_loop;
    ctx_.in_loop = true;
    walk(stmts);
    ctx_.in_loop = saved;
  }
  static const char* comprehension_kind(const Expr* node) {
    switch (node->kind) {
      case ExprKind::ListComp:
        return "list comprehension";
      case ExprKind::SetComp:
        return "set comprehension";
      case ExprKind::DictComp:
        return "dict comprehension";
      default:
        return "generator expression";
    }
  }
  void check_yield(const Expr& e) {
    if (comprehension_) fail(e, std::string("'yield' inside ") + comprehension_);
    if (!ctx_.in_function) fail(e, "'yield' outside function");
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
    walk(t);  // a starred expression here fails in visit(Starred)
  }
  void keywords(const std::vector<Keyword*>& kws) {
    RepeatedNames seen;
    for (const Keyword* k : kws) {
      if (k->arg && seen.seen_before(*k->arg)) fail(*k, "keyword argument repeated: " + *k->arg);
    }
    walk_keywords(kws);
  }
  // Elements of displays and call arguments may be starred.
  void elements(const ExprList& elts) {
    for (const Expr* e : elts) {
      if (e->kind == ExprKind::Starred)
        walk(e->as<Starred>()->value);
      else
        walk(e);
    }
  }
};

}  // namespace

std::optional<LocatedError> check_module(const Module& module) {
  try {
    SymtableChecks().walk(module);
    CompilerChecks().walk(module);
  } catch (CheckFailure& failure) {
    return std::move(failure.error);
  }
  return std::nullopt;
}

}  // namespace quire::lang::syntax
