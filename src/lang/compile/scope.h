#pragma once
// Scope resolution (the first compiler pass, after starlark-go's resolver):
// decides for every name in every function whether it is a local slot, a
// cell (a local captured by an inner function), a free variable (captured
// from an enclosing function), a class-namespace name, or a global.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/syntax/ast.h"

namespace quire::lang {

enum class ScopeKind { Module, Function, Class, Comprehension };
enum class NameKind { Local, Cell, Free, Global, ClassName };

struct Scope {
  ScopeKind kind;
  Scope* parent = nullptr;
  std::string name;
  std::vector<std::string> params;          // in slot order
  std::vector<std::string> assigned_order;  // first-assignment order
  std::set<std::string> assigned, used, globals, nonlocals;
  std::set<std::string> cells, frees;
  std::vector<std::string> free_order;
  bool is_generator = false;
  bool uses_super = false;
  int first_line = 0;

  bool binds(const std::string& n) const { return assigned.count(n) && !globals.count(n); }
  void assign(const std::string& n) {
    if (assigned.insert(n).second) assigned_order.push_back(n);
  }
  NameKind resolve(const std::string& n) const;
};

struct ScopeError {
  std::string message;
  int line = 0;
  int col = 0;
};

// Owns every Scope, indexed by the AST node that opens it.
class ScopeTable {
 public:
  // Returns an error for what the dialect refuses or Python rejects.
  std::optional<ScopeError> build(const syntax::Module& module);
  Scope* module() const { return module_; }
  Scope* of(const void* node) const {
    auto it = by_node_.find(node);
    return it == by_node_.end() ? nullptr : it->second;
  }

 private:
  friend class ScopeBuilder;
  Scope* make(ScopeKind kind, Scope* parent, const void* node, std::string name);
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::unordered_map<const void*, Scope*> by_node_;
  Scope* module_ = nullptr;
};

}  // namespace quire::lang
