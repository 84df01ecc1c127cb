// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/compile/scope.h"

#include "lang/syntax/walker.h"

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

// One walk over the module: opens a Scope at every def, class, lambda and
// comprehension and records in it which names are bound and which are used.
// The walk itself (every child of every node) is syntax::AstWalker's.
class ScopeBuilder : public AstWalker<ScopeBuilder> {
 public:
  using AstWalker::visit;
  explicit ScopeBuilder(ScopeTable& table) : table_(table) {}
  std::optional<ScopeError> error;

  void run(const syntax::Module& m) {
    cur_ = table_.make(ScopeKind::Module, nullptr, &m, "<module>");
    table_.module_ = cur_;
    walk(m);
  }

  // ---- scopes. Annotations are never evaluated (the compiler keeps no
  // __annotations__), so the names in them are not uses.
  void visit(const FunctionDef* f) {
    walk(f->decorator_list);
    walk_defaults(f->args);
    cur_->assign(f->name);
    Scope* inner = table_.make(ScopeKind::Function, cur_, f, f->name);
    inner->first_line = f->lineno;
    declare_params(inner, f->args);
    in_scope(inner, [&] { walk_inside(f); });
  }
  void visit(const ClassDef* c) {
    walk_outside(c);
    cur_->assign(c->name);
    in_scope(table_.make(ScopeKind::Class, cur_, c, c->name), [&] { walk_inside(c); });
  }
  void visit(const Lambda* l) {
    walk_defaults(l->args);
    Scope* inner = table_.make(ScopeKind::Function, cur_, l, "<lambda>");
    inner->first_line = l->lineno;
    declare_params(inner, l->args);
    in_scope(inner, [&] { walk_inside(l); });
  }
  void visit_comprehension(const ComprehensionNode& c) {
    walk_outside(c);
    const bool generator = c.node->kind == ExprKind::GeneratorExp;
    Scope* inner =
        table_.make(ScopeKind::Comprehension, cur_, c.node, generator ? "<genexpr>" : "<listcomp>");
    inner->is_generator = generator;
    inner->params.push_back(".0");
    inner->assign(".0");
    in_scope(inner, [&] { walk_inside(c); });
  }

  // ---- names bound and used
  void visit(const Name* n) {
    if (n->ctx == ExprContext::Load)
      cur_->used.insert(n->id);
    else
      cur_->assign(n->id);
  }
  void visit(const AugAssign* a) {
    walk(a->value);
    if (auto* n = a->target->as<Name>()) {
      cur_->used.insert(n->id);
      cur_->assign(n->id);
    } else {
      walk(a->target);
    }
  }
  void visit(const AnnAssign* a) {
    walk(a->value);
    walk(a->target);
  }
  void visit(const ExceptHandler* h) {
    walk(h->type);
    if (h->name) cur_->assign(*h->name);
    walk(h->body);
  }
  void visit(const NamedExpr* n) {
    walk(n->value);
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
  }
  void visit(const Import* s) {
    for (const Alias* a : s->names) {
      std::string bound = a->asname ? *a->asname : a->name.substr(0, a->name.find('.'));
      cur_->assign(bound);
    }
  }
  void visit(const ImportFrom* s) {
    for (const Alias* a : s->names) {
      if (a->name == "*") {
        fail("'import *' is not supported", s->lineno, s->col_offset);
        continue;
      }
      cur_->assign(a->asname ? *a->asname : a->name);
    }
  }
  void visit(const Global* s) {
    for (auto& n : s->names) {
      if (cur_->assigned.count(n) || cur_->used.count(n))
        fail("name '" + n + "' is assigned to before global declaration", s->lineno, s->col_offset);
      cur_->globals.insert(n);
      if (cur_->kind != ScopeKind::Module) table_.module()->assign(n);
    }
  }
  void visit(const Nonlocal* s) {
    if (cur_->kind == ScopeKind::Module) {
      fail("nonlocal declaration not allowed at module level", s->lineno, s->col_offset);
      return;
    }
    for (auto& n : s->names) cur_->nonlocals.insert(n);
  }

  // ---- what makes a function a generator, or needs __class__
  void visit(const Yield* y) {
    generator_expression(*y);
    walk_children(y);
  }
  void visit(const YieldFrom* y) {
    generator_expression(*y);
    walk_children(y);
  }
  void visit(const Call* c) {
    if (auto* n = c->func->as<Name>(); n && n->id == "super" && c->args.empty()) {
      cur_->uses_super = true;
    }
    walk_children(c);
  }

 private:
  ScopeTable& table_;
  Scope* cur_ = nullptr;

  void fail(const std::string& message, int line, int col = 0) {
    if (!error) error = ScopeError{message, line, col};
  }

  template <class F>
  void in_scope(Scope* inner, F&& walk_body) {
    Scope* saved = cur_;
    cur_ = inner;
    walk_body();
    cur_ = saved;
  }

  static void declare_params(Scope* s, const Arguments* a) {
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

  void generator_expression(const Expr& e) {
    if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) {
      fail("'yield' outside function", e.lineno, e.col_offset);
    } else if (cur_->kind == ScopeKind::Comprehension) {
      fail("'yield' inside list comprehension", e.lineno, e.col_offset);
    }
    cur_->is_generator = true;
  }
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
