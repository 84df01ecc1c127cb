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

#include "lang/syntax/walker.h"

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

// The rules below, on syntax::AstWalker's walk over every node. Violations are
// sorted by position afterwards, so the walk's order does not matter.
class PolicyWalker : public AstWalker<PolicyWalker> {
 public:
  using AstWalker::visit;
  std::vector<PolicyViolation> violations;

  void visit(const Name* n) {
    name(*n, n->id, n->ctx == ExprContext::Load ? NameUse::Load : NameUse::Bind);
  }
  void visit(const Arg* a) {
    name(*a, a->arg, NameUse::Bind);
    walk_children(a);
  }
  void visit(const Attribute* a) {
    const std::string& n = a->attr;
    if (starts_with_underscore(n))
      error(*a, "\"" + n + "\" is an invalid attribute name because it starts with \"_\".");
    if (ends_with_roles(n))
      error(*a, "\"" + n + "\" is an invalid attribute name because it ends with \"__roles__\".");
    if (in_inspect_set(n))
      error(*a,
            "\"" + n + "\" is a restricted name, that is forbidden to access in RestrictedPython.");
    walk_children(a);
  }
  void visit(const Call* c) {
    if (const Name* f = c->func->as<Name>()) {
      if (f->id == "exec") error(*c, "Exec calls are not allowed.");
      if (f->id == "eval") error(*c, "Eval calls are not allowed.");
    }
    walk_children(c);
  }
  void visit(const FunctionDef* f) { definition(f, /*in_class_body=*/false); }
  void visit(const ClassDef* c) {
    name(*c, c->name, NameUse::Bind);
    for (const Keyword* k : c->keywords) {
      if (k->arg && *k->arg == "metaclass")
        error(*c, "The keyword argument \"metaclass\" is not allowed.");
    }
    walk_outside(c);
    class_body(c->body);
  }
  void visit(const ExceptHandler* h) {
    if (h->name) name(*h, *h->name, NameUse::Bind);
    walk_children(h);
  }
  void visit(const Import* s) { import_names(*s, s->names); }
  void visit(const ImportFrom* s) { import_names(*s, s->names); }
  void visit(const Global* s) {
    for (const std::string& n : s->names) name(*s, n, NameUse::Bind);
  }
  void visit(const Nonlocal* s) {
    for (const std::string& n : s->names) name(*s, n, NameUse::Bind);
  }

 private:
  // Defs directly in a class body (or in `if` branches there) may have
  // dunder names: they define the class's special methods.
  void class_body(const StmtList& body) {
    for (const Stmt* s : body) {
      if (const FunctionDef* f = s->as<FunctionDef>()) {
        definition(f, /*in_class_body=*/true);
      } else if (const If* i = s->as<If>()) {
        walk(i->test);
        class_body(i->body);
        class_body(i->orelse);
      } else {
        walk(s);
      }
    }
  }
  void definition(const FunctionDef* f, bool in_class_body) {
    name(*f, f->name, NameUse::Bind, /*magic_allowed=*/in_class_body);
    walk_children(f);
  }

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

  void import_names(const Stmt& at, const std::vector<Alias*>& names) {
    for (const Alias* a : names) {
      if (a->name.find('*') != std::string::npos)
        error(at, "\"*\" imports are not allowed.");
      else
        name(at, a->name, NameUse::Bind);
      if (a->asname) name(at, *a->asname, NameUse::Bind);
    }
  }
};

}  // namespace

std::vector<PolicyViolation> check_policy(const syntax::Module& module) {
  PolicyWalker walker;
  walker.walk(module);
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
