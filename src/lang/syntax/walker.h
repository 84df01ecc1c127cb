#pragma once
// One traversal of the syntax tree for the passes that only read it: the
// syntax checks (checks.cpp), the compiler's scope analysis (compile/scope.cpp)
// and the sandbox policy (sandbox/policy.cpp). Each of them keeps only its own
// rules; this header knows every child of every node kind and visits each
// once.
//
// Order: source order, except where CPython evaluates a later part first:
// a def's defaults before its parameters' annotations, a comprehension's
// generators before its element, and a conditional expression's test before
// its body. A pass that stops at its first error reports the one met first in
// this order (the syntax error tables in tests/lang/syntax depend on it).
//
// Use (CRTP: static dispatch, no virtual calls):
//
//   class MyPass : public AstWalker<MyPass> {
//    public:
//     using AstWalker<MyPass>::visit;          // keep the defaults for other kinds
//     void visit(const Name* n) { ... }        // a rule for one node kind
//     void visit(const Call* c) { ...; walk_children(c); }  // then go on inside
//   };
//   MyPass().walk(module);
//
// A `visit` that does not call walk_children (or its parts) stops the walk
// below that node. Nodes that open a scope (def, class, lambda, comprehension)
// split their children into `walk_outside` (evaluated in the enclosing scope)
// and `walk_inside` (the new scope), so a pass can switch context between them.
// The four comprehension kinds share one hook, `visit_comprehension`.
// `walk(nullptr)` does nothing, so optional children need no checks.
// Recursion depth is bounded by the parser's nesting limit (parser.h).

#include <vector>

#include "lang/syntax/ast.h"

namespace quire::lang::syntax {

// ListComp, SetComp, DictComp and GeneratorExp seen as one shape.
struct ComprehensionNode {
  const Expr* node = nullptr;  // the comprehension expression itself
  const std::vector<Comprehension*>* generators = nullptr;
  const Expr* element = nullptr;  // `elt`, or a DictComp's `key`
  const Expr* value = nullptr;    // a DictComp's `value`; nullptr for the others
};

template <class Derived>
class AstWalker {
 public:
  // ------------------------------------------------------------- walking

  void walk(const Module& m) { walk(m.body); }
  void walk(const StmtList& body) {
    for (const Stmt* s : body) walk(s);
  }
  void walk(const ExprList& exprs) {
    for (const Expr* e : exprs) walk(e);
  }

  void walk(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef:
        return self().visit(static_cast<const FunctionDef*>(s));
      case StmtKind::ClassDef:
        return self().visit(static_cast<const ClassDef*>(s));
      case StmtKind::Return:
        return self().visit(static_cast<const Return*>(s));
      case StmtKind::Delete:
        return self().visit(static_cast<const Delete*>(s));
      case StmtKind::Assign:
        return self().visit(static_cast<const Assign*>(s));
      case StmtKind::AugAssign:
        return self().visit(static_cast<const AugAssign*>(s));
      case StmtKind::AnnAssign:
        return self().visit(static_cast<const AnnAssign*>(s));
      case StmtKind::For:
        return self().visit(static_cast<const For*>(s));
      case StmtKind::While:
        return self().visit(static_cast<const While*>(s));
      case StmtKind::If:
        return self().visit(static_cast<const If*>(s));
      case StmtKind::With:
        return self().visit(static_cast<const With*>(s));
      case StmtKind::Raise:
        return self().visit(static_cast<const Raise*>(s));
      case StmtKind::Try:
        return self().visit(static_cast<const Try*>(s));
      case StmtKind::Assert:
        return self().visit(static_cast<const Assert*>(s));
      case StmtKind::Import:
        return self().visit(static_cast<const Import*>(s));
      case StmtKind::ImportFrom:
        return self().visit(static_cast<const ImportFrom*>(s));
      case StmtKind::Global:
        return self().visit(static_cast<const Global*>(s));
      case StmtKind::Nonlocal:
        return self().visit(static_cast<const Nonlocal*>(s));
      case StmtKind::Expr:
        return self().visit(static_cast<const ExprStmt*>(s));
      case StmtKind::Pass:
        return self().visit(static_cast<const Pass*>(s));
      case StmtKind::Break:
        return self().visit(static_cast<const Break*>(s));
      case StmtKind::Continue:
        return self().visit(static_cast<const Continue*>(s));
    }
  }

  void walk(const Expr* e) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::BoolOp:
        return self().visit(static_cast<const BoolOp*>(e));
      case ExprKind::NamedExpr:
        return self().visit(static_cast<const NamedExpr*>(e));
      case ExprKind::BinOp:
        return self().visit(static_cast<const BinOp*>(e));
      case ExprKind::UnaryOp:
        return self().visit(static_cast<const UnaryOp*>(e));
      case ExprKind::Lambda:
        return self().visit(static_cast<const Lambda*>(e));
      case ExprKind::IfExp:
        return self().visit(static_cast<const IfExp*>(e));
      case ExprKind::Dict:
        return self().visit(static_cast<const Dict*>(e));
      case ExprKind::Set:
        return self().visit(static_cast<const Set*>(e));
      case ExprKind::ListComp: {
        auto* c = static_cast<const ListComp*>(e);
        return self().visit_comprehension({e, &c->generators, c->elt, nullptr});
      }
      case ExprKind::SetComp: {
        auto* c = static_cast<const SetComp*>(e);
        return self().visit_comprehension({e, &c->generators, c->elt, nullptr});
      }
      case ExprKind::DictComp: {
        auto* c = static_cast<const DictComp*>(e);
        return self().visit_comprehension({e, &c->generators, c->key, c->value});
      }
      case ExprKind::GeneratorExp: {
        auto* c = static_cast<const GeneratorExp*>(e);
        return self().visit_comprehension({e, &c->generators, c->elt, nullptr});
      }
      case ExprKind::Yield:
        return self().visit(static_cast<const Yield*>(e));
      case ExprKind::YieldFrom:
        return self().visit(static_cast<const YieldFrom*>(e));
      case ExprKind::Compare:
        return self().visit(static_cast<const Compare*>(e));
      case ExprKind::Call:
        return self().visit(static_cast<const Call*>(e));
      case ExprKind::FormattedValue:
        return self().visit(static_cast<const FormattedValue*>(e));
      case ExprKind::JoinedStr:
        return self().visit(static_cast<const JoinedStr*>(e));
      case ExprKind::Constant:
        return self().visit(static_cast<const Constant*>(e));
      case ExprKind::Attribute:
        return self().visit(static_cast<const Attribute*>(e));
      case ExprKind::Subscript:
        return self().visit(static_cast<const Subscript*>(e));
      case ExprKind::Starred:
        return self().visit(static_cast<const Starred*>(e));
      case ExprKind::Name:
        return self().visit(static_cast<const Name*>(e));
      case ExprKind::List:
        return self().visit(static_cast<const List*>(e));
      case ExprKind::Tuple:
        return self().visit(static_cast<const Tuple*>(e));
      case ExprKind::Slice:
        return self().visit(static_cast<const Slice*>(e));
    }
  }

  // ------------------------------------------------- default visits: go on

#define QUIRE_WALK_THROUGH(Node) \
  void visit(const Node* n) {    \
    walk_children(n);            \
  }
  QUIRE_WALK_THROUGH(FunctionDef)
  QUIRE_WALK_THROUGH(ClassDef)
  QUIRE_WALK_THROUGH(Return)
  QUIRE_WALK_THROUGH(Delete)
  QUIRE_WALK_THROUGH(Assign)
  QUIRE_WALK_THROUGH(AugAssign)
  QUIRE_WALK_THROUGH(AnnAssign)
  QUIRE_WALK_THROUGH(For)
  QUIRE_WALK_THROUGH(While)
  QUIRE_WALK_THROUGH(If)
  QUIRE_WALK_THROUGH(With)
  QUIRE_WALK_THROUGH(Raise)
  QUIRE_WALK_THROUGH(Try)
  QUIRE_WALK_THROUGH(Assert)
  QUIRE_WALK_THROUGH(Import)
  QUIRE_WALK_THROUGH(ImportFrom)
  QUIRE_WALK_THROUGH(Global)
  QUIRE_WALK_THROUGH(Nonlocal)
  QUIRE_WALK_THROUGH(ExprStmt)
  QUIRE_WALK_THROUGH(Pass)
  QUIRE_WALK_THROUGH(Break)
  QUIRE_WALK_THROUGH(Continue)
  QUIRE_WALK_THROUGH(BoolOp)
  QUIRE_WALK_THROUGH(NamedExpr)
  QUIRE_WALK_THROUGH(BinOp)
  QUIRE_WALK_THROUGH(UnaryOp)
  QUIRE_WALK_THROUGH(Lambda)
  QUIRE_WALK_THROUGH(IfExp)
  QUIRE_WALK_THROUGH(Dict)
  QUIRE_WALK_THROUGH(Set)
  QUIRE_WALK_THROUGH(Yield)
  QUIRE_WALK_THROUGH(YieldFrom)
  QUIRE_WALK_THROUGH(Compare)
  QUIRE_WALK_THROUGH(Call)
  QUIRE_WALK_THROUGH(FormattedValue)
  QUIRE_WALK_THROUGH(JoinedStr)
  QUIRE_WALK_THROUGH(Constant)
  QUIRE_WALK_THROUGH(Attribute)
  QUIRE_WALK_THROUGH(Subscript)
  QUIRE_WALK_THROUGH(Starred)
  QUIRE_WALK_THROUGH(Name)
  QUIRE_WALK_THROUGH(List)
  QUIRE_WALK_THROUGH(Tuple)
  QUIRE_WALK_THROUGH(Slice)
  // Parts that are not statements or expressions but carry names and
  // positions of their own: a parameter, a call keyword, an except clause.
  QUIRE_WALK_THROUGH(Arg)
  QUIRE_WALK_THROUGH(Keyword)
  QUIRE_WALK_THROUGH(ExceptHandler)
#undef QUIRE_WALK_THROUGH
  void visit_comprehension(const ComprehensionNode& c) {
    walk_children(c);
  }

  // ---------------------------------------------- children of each kind

  // Scope-opening nodes: what the enclosing scope evaluates, then the rest.
  void walk_children(const FunctionDef* f) {
    walk_outside(f);
    walk_inside(f);
  }
  void walk_outside(const FunctionDef* f) {
    walk(f->decorator_list);
    walk_arguments(f->args);
    walk(f->returns);
  }
  void walk_inside(const FunctionDef* f) {
    walk(f->body);
  }

  void walk_children(const ClassDef* c) {
    walk_outside(c);
    walk_inside(c);
  }
  void walk_outside(const ClassDef* c) {
    walk(c->decorator_list);
    walk(c->bases);
    walk_keywords(c->keywords);
  }
  void walk_inside(const ClassDef* c) {
    walk(c->body);
  }

  void walk_children(const Lambda* l) {
    walk_outside(l);
    walk_inside(l);
  }
  void walk_outside(const Lambda* l) {
    walk_arguments(l->args);
  }
  void walk_inside(const Lambda* l) {
    walk(l->body);
  }

  void walk_children(const ComprehensionNode& c) {
    walk_outside(c);
    walk_inside(c);
  }
  // Only the first iterable is evaluated outside the comprehension's scope.
  void walk_outside(const ComprehensionNode& c) {
    walk(c.generators->front()->iter);
  }
  void walk_inside(const ComprehensionNode& c) {
    bool first = true;
    for (const Comprehension* g : *c.generators) {
      if (!first) walk(g->iter);
      first = false;
      walk(g->target);
      walk(g->ifs);
    }
    walk(c.element);
    walk(c.value);
  }

  // Defaults first (evaluated when the def runs), then each parameter.
  void walk_arguments(const Arguments* a) {
    walk_defaults(a);
    walk_parameters(a);
  }
  void walk_defaults(const Arguments* a) {
    walk(a->defaults);
    walk(a->kw_defaults);  // nullptr entries: keyword-only parameters without default
  }
  void walk_parameters(const Arguments* a) {
    for (const Arg* p : a->posonlyargs) self().visit(p);
    for (const Arg* p : a->args) self().visit(p);
    if (a->vararg) self().visit(a->vararg);
    for (const Arg* p : a->kwonlyargs) self().visit(p);
    if (a->kwarg) self().visit(a->kwarg);
  }
  void walk_keywords(const std::vector<Keyword*>& keywords) {
    for (const Keyword* k : keywords) self().visit(k);
  }

  void walk_children(const Arg* a) {
    walk(a->annotation);
  }
  void walk_children(const Keyword* k) {
    walk(k->value);
  }
  void walk_children(const ExceptHandler* h) {
    walk(h->type);
    walk(h->body);
  }

  void walk_children(const Return* r) {
    walk(r->value);
  }
  void walk_children(const Delete* d) {
    walk(d->targets);
  }
  void walk_children(const Assign* a) {
    walk(a->targets);
    walk(a->value);
  }
  void walk_children(const AugAssign* a) {
    walk(a->target);
    walk(a->value);
  }
  void walk_children(const AnnAssign* a) {
    walk(a->target);
    walk(a->annotation);
    walk(a->value);
  }
  void walk_children(const For* f) {
    walk(f->target);
    walk(f->iter);
    walk(f->body);
    walk(f->orelse);
  }
  void walk_children(const While* w) {
    walk(w->test);
    walk(w->body);
    walk(w->orelse);
  }
  void walk_children(const If* i) {
    walk(i->test);
    walk(i->body);
    walk(i->orelse);
  }
  void walk_children(const With* w) {
    for (const WithItem* item : w->items) {
      walk(item->context_expr);
      walk(item->optional_vars);
    }
    walk(w->body);
  }
  void walk_children(const Raise* r) {
    walk(r->exc);
    walk(r->cause);
  }
  void walk_children(const Try* t) {
    walk(t->body);
    for (const ExceptHandler* h : t->handlers) self().visit(h);
    walk(t->orelse);
    walk(t->finalbody);
  }
  void walk_children(const Assert* a) {
    walk(a->test);
    walk(a->msg);
  }
  void walk_children(const ExprStmt* s) {
    walk(s->value);
  }
  // Statements without expression children.
  void walk_children(const Import*) {}
  void walk_children(const ImportFrom*) {}
  void walk_children(const Global*) {}
  void walk_children(const Nonlocal*) {}
  void walk_children(const Pass*) {}
  void walk_children(const Break*) {}
  void walk_children(const Continue*) {}

  void walk_children(const BoolOp* b) {
    walk(b->values);
  }
  void walk_children(const NamedExpr* n) {
    walk(n->target);
    walk(n->value);
  }
  void walk_children(const BinOp* b) {
    walk(b->left);
    walk(b->right);
  }
  void walk_children(const UnaryOp* u) {
    walk(u->operand);
  }
  void walk_children(const IfExp* i) {
    walk(i->test);
    walk(i->body);
    walk(i->orelse);
  }
  void walk_children(const Dict* d) {
    for (std::size_t i = 0; i < d->keys.size(); ++i) {
      walk(d->keys[i]);  // nullptr for a `**mapping` entry
      walk(d->values[i]);
    }
  }
  void walk_children(const Set* s) {
    walk(s->elts);
  }
  void walk_children(const Yield* y) {
    walk(y->value);
  }
  void walk_children(const YieldFrom* y) {
    walk(y->value);
  }
  void walk_children(const Compare* c) {
    walk(c->left);
    walk(c->comparators);
  }
  void walk_children(const Call* c) {
    walk(c->func);
    walk(c->args);
    walk_keywords(c->keywords);
  }
  void walk_children(const FormattedValue* f) {
    walk(f->value);
    walk(f->format_spec);
  }
  void walk_children(const JoinedStr* j) {
    walk(j->values);
  }
  void walk_children(const Attribute* a) {
    walk(a->value);
  }
  void walk_children(const Subscript* s) {
    walk(s->value);
    walk(s->slice);
  }
  void walk_children(const Starred* s) {
    walk(s->value);
  }
  void walk_children(const List* l) {
    walk(l->elts);
  }
  void walk_children(const Tuple* t) {
    walk(t->elts);
  }
  void walk_children(const Slice* s) {
    walk(s->lower);
    walk(s->upper);
    walk(s->step);
  }
  // Leaves.
  void walk_children(const Constant*) {}
  void walk_children(const Name*) {}

 private:
  Derived& self() {
    return static_cast<Derived&>(*this);
  }
};

}  // namespace quire::lang::syntax
