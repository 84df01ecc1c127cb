// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/compile/scope.h"

namespace quire::lang {

using namespace syntax;

NameKind Scope::resolve(const std::string& n) const {
  if (kind == ScopeKind::Module) return NameKind::Global;
  if (globals.count(n)) return NameKind::Global;
  if (kind == ScopeKind::Class) {
    if (assigned.count(n)) return NameKind::ClassName;
    if (frees.count(n)) return NameKind::Free;
    return NameKind::Global;
  }
  if (nonlocals.count(n)) return NameKind::Free;
  if (assigned.count(n)) return cells.count(n) ? NameKind::Cell : NameKind::Local;
  if (frees.count(n)) return NameKind::Free;
  return NameKind::Global;
}

Scope* ScopeTable::make(ScopeKind kind, Scope* parent, const void* node, std::string name) {
  scopes_.push_back(std::make_unique<Scope>());
  Scope* s = scopes_.back().get();
  s->kind = kind;
  s->parent = parent;
  s->name = std::move(name);
  if (node) by_node_[node] = s;
  return s;
}

class ScopeBuilder {
 public:
  explicit ScopeBuilder(ScopeTable& table) : table_(table) {}
  std::optional<ScopeError> error;

  void stmts(const StmtList& list) {
    for (Stmt* s : list) stmt(s);
  }

  void fail(const std::string& message, int line, int col = 0) {
    if (!error) error = ScopeError{message, line, col};
  }

  void declare_params(Scope* s, const Arguments* a) {
    for (Arg* p : a->posonlyargs) s->params.push_back(p->arg);
    for (Arg* p : a->args) s->params.push_back(p->arg);
    for (Arg* p : a->kwonlyargs) s->params.push_back(p->arg);
    if (a->vararg)
      s->params.insert(
          s->params.begin() + a->posonlyargs.size() + a->args.size() + a->kwonlyargs.size(),
          a->vararg->arg);
    if (a->kwarg) s->params.push_back(a->kwarg->arg);
    for (auto& p : s->params) s->assign(p);
  }

  void arguments_outer(const Arguments* a) {
    for (Expr* d : a->defaults) expr(d);
    for (Expr* d : a->kw_defaults)
      if (d) expr(d);
  }

  void stmt(Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = s->as<FunctionDef>();
        for (Expr* d : f->decorator_list) expr(d);
        arguments_outer(f->args);
        cur_->assign(f->name);
        Scope* inner = table_.make(ScopeKind::Function, cur_, f, f->name);
        inner->first_line = f->lineno;
        declare_params(inner, f->args);
        Scope* saved = cur_;
        cur_ = inner;
        stmts(f->body);
        cur_ = saved;
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = s->as<ClassDef>();
        for (Expr* d : c->decorator_list) expr(d);
        for (Expr* b : c->bases) expr(b);
        for (Keyword* k : c->keywords) expr(k->value);
        cur_->assign(c->name);
        Scope* inner = table_.make(ScopeKind::Class, cur_, c, c->name);
        Scope* saved = cur_;
        cur_ = inner;
        stmts(c->body);
        cur_ = saved;
        break;
      }
      case StmtKind::Return:
        if (auto* v = s->as<Return>()->value) expr(v);
        break;
      case StmtKind::Delete:
        for (Expr* t : s->as<Delete>()->targets) target(t);
        break;
      case StmtKind::Assign: {
        auto* a = s->as<Assign>();
        expr(a->value);
        for (Expr* t : a->targets) target(t);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = s->as<AugAssign>();
        expr(a->value);
        if (auto* n = a->target->as<Name>()) {
          cur_->used.insert(n->id);
          cur_->assign(n->id);
        } else {
          target(a->target);
        }
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = s->as<AnnAssign>();
        if (a->value) expr(a->value);
        target(a->target);
        break;
      }
      case StmtKind::For: {
        auto* f = s->as<For>();
        expr(f->iter);
        target(f->target);
        stmts(f->body);
        stmts(f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = s->as<While>();
        expr(w->test);
        stmts(w->body);
        stmts(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = s->as<If>();
        expr(i->test);
        stmts(i->body);
        stmts(i->orelse);
        break;
      }
      case StmtKind::With: {
        auto* w = s->as<With>();
        for (WithItem* item : w->items) {
          expr(item->context_expr);
          if (item->optional_vars) target(item->optional_vars);
        }
        stmts(w->body);
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
        stmts(t->body);
        for (ExceptHandler* h : t->handlers) {
          if (h->type) expr(h->type);
          if (h->name) cur_->assign(*h->name);
          stmts(h->body);
        }
        stmts(t->orelse);
        stmts(t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = s->as<Assert>();
        expr(a->test);
        if (a->msg) expr(a->msg);
        break;
      }
      case StmtKind::Import:
        for (Alias* a : s->as<Import>()->names) {
          std::string bound = a->asname ? *a->asname : a->name.substr(0, a->name.find('.'));
          cur_->assign(bound);
        }
        break;
      case StmtKind::ImportFrom:
        for (Alias* a : s->as<ImportFrom>()->names) {
          if (a->name == "*") {
            fail("'import *' is not supported", s->lineno, s->col_offset);
            continue;
          }
          cur_->assign(a->asname ? *a->asname : a->name);
        }
        break;
      case StmtKind::Global:
        for (auto& n : s->as<Global>()->names) {
          if (cur_->assigned.count(n) || cur_->used.count(n))
            fail("name '" + n + "' is assigned to before global declaration", s->lineno,
                 s->col_offset);
          cur_->globals.insert(n);
          if (cur_->kind != ScopeKind::Module) table_.module()->assign(n);
        }
        break;
      case StmtKind::Nonlocal:
        if (cur_->kind == ScopeKind::Module) {
          fail("nonlocal declaration not allowed at module level", s->lineno, s->col_offset);
          break;
        }
        for (auto& n : s->as<Nonlocal>()->names) cur_->nonlocals.insert(n);
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

  void target(Expr* e) {
    switch (e->kind) {
      case ExprKind::Name:
        cur_->assign(e->as<Name>()->id);
        break;
      case ExprKind::Tuple:
        for (Expr* x : e->as<syntax::Tuple>()->elts) target(x);
        break;
      case ExprKind::List:
        for (Expr* x : e->as<syntax::List>()->elts) target(x);
        break;
      case ExprKind::Starred:
        target(e->as<Starred>()->value);
        break;
      default:
        expr(e);
        break;
    }
  }

  void comprehension(const Expr* node, const std::vector<Comprehension*>& gens,
                     std::initializer_list<Expr*> elts, bool generator) {
    expr(gens[0]->iter);
    Scope* inner =
        table_.make(ScopeKind::Comprehension, cur_, node, generator ? "<genexpr>" : "<listcomp>");
    inner->is_generator = generator;
    inner->params.push_back(".0");
    inner->assign(".0");
    Scope* saved = cur_;
    cur_ = inner;
    for (std::size_t i = 0; i < gens.size(); ++i) {
      if (i > 0) expr(gens[i]->iter);
      target(gens[i]->target);
      for (Expr* c : gens[i]->ifs) expr(c);
    }
    for (Expr* e : elts) expr(e);
    cur_ = saved;
  }

  void expr(Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (Expr* v : e->as<BoolOp>()->values) expr(v);
        break;
      case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        expr(n->value);
        // PEP 572: in a comprehension the target binds in the enclosing function.
        Scope* s = cur_;
        while (s->kind == ScopeKind::Comprehension) s = s->parent;
        const std::string& id = n->target->as<Name>()->id;
        s->assign(id);
        if (s != cur_) {
          for (Scope* c = cur_; c != s; c = c->parent) c->nonlocals.insert(id);
          if (s->kind == ScopeKind::Module) {
            for (Scope* c = cur_; c != s; c = c->parent) {
              c->nonlocals.erase(id);
              c->globals.insert(id);
            }
          }
        }
        break;
      }
      case ExprKind::BinOp:
        expr(e->as<BinOp>()->left);
        expr(e->as<BinOp>()->right);
        break;
      case ExprKind::UnaryOp:
        expr(e->as<UnaryOp>()->operand);
        break;
      case ExprKind::Lambda: {
        auto* l = e->as<Lambda>();
        arguments_outer(l->args);
        Scope* inner = table_.make(ScopeKind::Function, cur_, l, "<lambda>");
        inner->first_line = l->lineno;
        declare_params(inner, l->args);
        Scope* saved = cur_;
        cur_ = inner;
        expr(l->body);
        cur_ = saved;
        break;
      }
      case ExprKind::IfExp:
        expr(e->as<IfExp>()->test);
        expr(e->as<IfExp>()->body);
        expr(e->as<IfExp>()->orelse);
        break;
      case ExprKind::Dict:
        for (Expr* k : e->as<syntax::Dict>()->keys)
          if (k) expr(k);
        for (Expr* v : e->as<syntax::Dict>()->values) expr(v);
        break;
      case ExprKind::Set:
        for (Expr* v : e->as<syntax::Set>()->elts) expr(v);
        break;
      case ExprKind::ListComp:
        comprehension(e, e->as<ListComp>()->generators, {e->as<ListComp>()->elt}, false);
        break;
      case ExprKind::SetComp:
        comprehension(e, e->as<SetComp>()->generators, {e->as<SetComp>()->elt}, false);
        break;
      case ExprKind::DictComp:
        comprehension(e, e->as<DictComp>()->generators,
                      {e->as<DictComp>()->key, e->as<DictComp>()->value}, false);
        break;
      case ExprKind::GeneratorExp:
        comprehension(e, e->as<GeneratorExp>()->generators, {e->as<GeneratorExp>()->elt}, true);
        break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom: {
        if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) {
          fail("'yield' outside function", e->lineno, e->col_offset);
        } else if (cur_->kind == ScopeKind::Comprehension) {
          fail("'yield' inside list comprehension", e->lineno, e->col_offset);
        }
        cur_->is_generator = true;
        Expr* v = e->kind == ExprKind::Yield ? e->as<Yield>()->value : e->as<YieldFrom>()->value;
        if (v) expr(v);
        break;
      }
      case ExprKind::Compare:
        expr(e->as<Compare>()->left);
        for (Expr* c : e->as<Compare>()->comparators) expr(c);
        break;
      case ExprKind::Call: {
        auto* c = e->as<Call>();
        if (auto* n = c->func->as<Name>(); n && n->id == "super" && c->args.empty()) {
          cur_->uses_super = true;
        }
        expr(c->func);
        for (Expr* a : c->args) expr(a);
        for (Keyword* k : c->keywords) expr(k->value);
        break;
      }
      case ExprKind::FormattedValue:
        expr(e->as<FormattedValue>()->value);
        if (auto* f = e->as<FormattedValue>()->format_spec) expr(f);
        break;
      case ExprKind::JoinedStr:
        for (Expr* v : e->as<JoinedStr>()->values) expr(v);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Attribute:
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
        auto* n = e->as<Name>();
        if (n->ctx == ExprContext::Load)
          cur_->used.insert(n->id);
        else
          cur_->assign(n->id);
        break;
      }
      case ExprKind::List:
        for (Expr* v : e->as<syntax::List>()->elts) expr(v);
        break;
      case ExprKind::Tuple:
        for (Expr* v : e->as<syntax::Tuple>()->elts) expr(v);
        break;
      case ExprKind::Slice: {
        auto* s = e->as<Slice>();
        if (s->lower) expr(s->lower);
        if (s->upper) expr(s->upper);
        if (s->step) expr(s->step);
        break;
      }
    }
  }

  void run(const syntax::Module& m) {
    cur_ = table_.make(ScopeKind::Module, nullptr, &m, "<module>");
    table_.module_ = cur_;
    stmts(m.body);
  }

  ScopeTable& table_;
  Scope* cur_ = nullptr;
};

namespace {

bool binds_for_inner(const Scope* s, const std::string& n) {
  return (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension) &&
         s->assigned.count(n) && !s->globals.count(n) && !s->nonlocals.count(n);
}

// Finds the function scope that owns `n` for `from` (a closure lookup) and
// records the cell and the free variable on the way. Returns false if none.
bool capture(Scope* from, const std::string& n) {
  for (Scope* p = from->parent; p; p = p->parent) {
    if (p->kind == ScopeKind::Module) return false;
    if (p->kind == ScopeKind::Class) continue;
    if (p->globals.count(n)) return false;
    if (binds_for_inner(p, n)) {
      p->cells.insert(n);
      for (Scope* c = from; c != p; c = c->parent) {
        if (c->frees.insert(n).second) c->free_order.push_back(n);
      }
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<ScopeError> ScopeTable::build(const syntax::Module& module) {
  ScopeBuilder builder(*this);
  builder.run(module);
  if (builder.error) return builder.error;
  // Parents before children: scopes_ is in creation (pre-)order.
  for (auto& owned : scopes_) {
    Scope* s = owned.get();
    if (s->kind == ScopeKind::Module) continue;
    for (const std::string& n : s->nonlocals) {
      if (s->globals.count(n)) {
        return ScopeError{"name '" + n + "' is nonlocal and global", s->first_line, 0};
      }
      if (!capture(s, n)) {
        return ScopeError{"no binding for nonlocal '" + n + "' found", s->first_line, 0};
      }
    }
    for (const std::string& n : s->used) {
      if (s->globals.count(n) || s->nonlocals.count(n)) continue;
      if (s->kind != ScopeKind::Class && s->assigned.count(n)) continue;
      if (s->kind == ScopeKind::Class && s->assigned.count(n)) continue;
      capture(s, n);
    }
  }
  return std::nullopt;
}

}  // namespace quire::lang
