#pragma once
// Evaluates the Jinja subset's tree (render_template_syntax.h) inside the
// running script's isolate, with the language's own operations: the same
// objects, the same attribute rule, and the script's step, memory and time
// limits (loops step through iter_next, which charges and checks them).
//
// Two rule sets share the walk:
//   Jinja  (frappe.render_template): names come from the scopes, the context
//          and the globals, else they are Undefined (Jinja's DebugUndefined:
//          `{{ x }}` prints "{{ x }}"); `a.b` falls back to `a["b"]` and the
//          reverse; refused attributes give Jinja's "unsafe" Undefined.
//   Python (frappe.safe_eval): names come from the locals then the globals,
//          else NameError; attributes and items follow safe_exec's guards.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/object/runtime.h"
#include "scripting/render_template_syntax.h"

namespace quire::scripting::jinja {

using lang::Isolate;
using lang::Value;

enum class Mode { Jinja, Python };

// Jinja's Undefined values (a host class; see render_template_undefined.cpp).
bool is_undefined(Value v);
// Undefined `name` ("'x' is undefined" when used; prints "{{ x }}").
Value undefined_name(Isolate& I, std::string_view name);
// Undefined element `key` of `obj` (prints "{{ no such element: dict object['k'] }}").
Value undefined_element(Isolate& I, Value obj, Value key);
// An Undefined carrying a hint: prints "{{ undefined value printed: <hint> }}"
// (or nothing when `silent`, as the base Undefined of an inline if without else).
Value undefined_hint(Isolate& I, std::string_view hint, bool silent = false, bool security = false);
// Raises what using `undefined` raises (UndefinedError or SecurityError); returns Exc.
Value raise_undefined(Isolate& I, Value undefined);
// jinja2.exceptions.TemplateError and its subclasses.
lang::Type* template_error_type();
lang::Type* template_syntax_error_type();

// jinja2's TemplateNotFound (render_template_macros.cpp): there is no loader.
lang::Type* template_not_found_type();

// An owned reference, released on scope exit unless taken.
struct Owned {
  Value v;
  Owned() = default;
  explicit Owned(Value value) : v(value) {}
  ~Owned() { lang::decref(v); }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  Value take() {
    Value r = v;
    v = Value();
    return r;
  }
  bool failed() const { return v.is_exc(); }
};

struct MacroEntry;
struct LoopEntry;

// Macro calls and recursive loop calls nest C++ frames: one bound for both
// (render_template_macros.cpp). False with RecursionError raised.
bool enter_nested_call(Isolate& I);
void leave_nested_call();

// One Jinja scope: names to owned values. Shared: a macro keeps the scopes
// open where it was defined (its closure) while it can be called.
struct Scope {
  std::unordered_map<std::string, Value> names;
  Scope() = default;
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
  ~Scope() {
    for (auto& [k, v] : names) lang::decref(v);
  }
};
using ScopeChain = std::vector<std::shared_ptr<Scope>>;  // innermost last

// Releases the references a vector of values holds when the scope ends.
struct ReleaseAll {
  std::vector<Value>& values;
  ~ReleaseAll() {
    for (Value v : values) lang::decref(v);
  }
};

class Evaluator {
 public:
  // `names`: the context (a dict; Python mode: the locals), `globals`: a dict
  // consulted next (may be Undef). Borrowed for the evaluator's life.
  Evaluator(Isolate& I, Mode mode, Value names, Value globals);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // A new reference, or Exc with the exception pending.
  Value eval(const Expr& e);
  // Appends the output of `body` to `out`; false with an exception pending.
  bool render(const Body& body, std::string& out);

  // Jinja's str() of a value (an Undefined prints its debug form).
  bool to_text(Value v, std::string& out);
  // Jinja's environment.getattr / getitem (new reference or Exc).
  Value get_attribute(Value obj, std::string_view name);
  Value get_element(Value obj, Value key);

  // The value of `name` as the template sees it (scopes, context, globals).
  Value lookup(const std::string& name);
  Isolate& isolate() { return I_; }
  const Expr* current = nullptr;  // the node being evaluated (error lines)

  // jinja2's autoescape, in its two places. `escape_output`: what jinja2's
  // compiler decided for the code rendering now ({{ }} escapes what is not
  // Markup, `~` joins into Markup, a filter block's input is Markup): the
  // nearest {% autoescape %} around it, for a macro body the one around
  // its definition, off inside a {% block %}. `eval_autoescape`: the
  // runtime context.eval_ctx.autoescape, set by the {% autoescape %} blocks
  // being executed, which decides whether a macro's result and a
  // {% set %} block are Markup and what `join` does.
  bool escape_output = false;
  bool eval_autoescape = false;

  // Calls a macro this evaluator defined (render_template_macros.cpp):
  // jinja2's Macro.__call__ binding, then its body as a str.
  Value call_macro(const MacroEntry& macro, Value* args, std::size_t nargs,
                   const lang::Tuple* kwnames);
  // Renders a recursive loop's body over `iterable` one level below `loop`
  // (render_template_loops.cpp): the text, or Exc.
  Value call_loop(const LoopEntry& loop, Value iterable);

 private:
  // Evaluates e.args[first..] into `out` (new references); false with an
  // exception pending when one raised.
  bool eval_args(const Expr& e, std::size_t first, std::vector<Value>& out);
  // The arguments of a call, filter or test from e.args[first..], with its
  // `*iterable` and `**mapping` spread: the positional values, then the
  // keyword values `kwnames` names (new references; false with an
  // exception pending).
  bool eval_call_args(const Expr& e, std::size_t first, std::vector<Value>& out,
                      std::vector<std::string>& kwnames);
  Value call(const Expr& e);
  Value filter(const Expr& e);
  Value test(const Expr& e);
  Value compare(const Expr& e);
  Value build(const Expr& e);
  bool assign(const Node& n, Value v);
  bool set_name(const std::string& name, Value v);  // borrows v
  // Loops (render_template_loops.cpp).
  bool render_for(const Node& n, std::string& out);
  bool render_loop(const Node& n, Value iterable, int depth, std::string& out);
  bool loop_items(const Node& n, Value iterable, std::vector<Value>& items);
  bool append(std::string& out, std::string_view text);
  // Macros, call/filter blocks, blocks, loader tags (render_template_macros.cpp).
  Value new_macro(const Node& n);
  void forget_macros();
  bool define_macro(const Node& n);
  bool render_call_block(const Node& n, std::string& out);
  bool render_filter_block(const Node& n, std::string& out);
  bool render_block(const Node& n, std::string& out);
  bool render_load(const Node& n);
  bool render_autoescape(const Node& n, std::string& out);
  // Markup (render_template_markup.h) where the evaluator makes it.
  Value concat_markup(const Expr& e);

  Isolate& I_;
  Mode mode_;
  Value names_;
  Value globals_;
  void push_scope() { scopes_.push_back(std::make_shared<Scope>()); }
  void pop_scope() { scopes_.pop_back(); }
  // Renders `body` in a new scope over `chain` (a macro's or a block's
  // closure) instead of the current scopes.
  bool render_in(const ScopeChain& chain, const Body& body, std::string& out);

  // Jinja scopes: innermost last.
  ScopeChain scopes_;
  std::vector<std::uint64_t> macros_;  // ids of the macros defined (callable while we live)
};

// Filters and tests (render_template_filters.cpp). `args[0]` is the value
// filtered or tested, then the positional arguments, then the keyword values
// named by `kwnames`. Unknown names: TemplateError-like errors ("No filter
// named 'x'.") are raised by the caller before evaluating (see has_filter).
bool has_filter(std::string_view name);
bool has_test(std::string_view name);
Value apply_filter(Evaluator& ev, std::string_view name, std::vector<Value>& args,
                   const std::vector<std::string>& kwnames);
// 1 true, 0 false, -1 exception pending.
int apply_test(Evaluator& ev, std::string_view name, std::vector<Value>& args,
               const std::vector<std::string>& kwnames);

}  // namespace quire::scripting::jinja
