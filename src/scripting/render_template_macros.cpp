// The Jinja subset's macros, call blocks, filter blocks, blocks and the tags
// that need a template loader (include, extends, import, from).
//
// A macro is a value of the language (so a template can pass it around and
// call it like any function), but its body is a tree the Evaluator that
// defined it walks. The value therefore holds only an id; the id maps to
// (evaluator, node) in a per-thread table the evaluator empties when it is
// destroyed, so a macro that escapes its template (stored in frappe.flags
// and called by the script later) raises an error instead of reaching a
// freed evaluator. Argument binding follows jinja2.runtime.Macro.__call__.
//
// Frappe's environment resolves include/extends/import against the apps'
// template folders; quire has none, so these tags parse as Jinja's and raise
// jinja2's TemplateNotFound when reached (`include ... ignore missing`
// renders nothing), as Jinja does for a template its loader cannot find.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <atomic>
#include <unordered_map>

#include "lang/sandbox/host.h"
#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"
#include "scripting/render_template_markup.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

struct MacroEntry {
  Evaluator* evaluator;
  const Node* node;  // Macro, or the CallBlock whose body is `caller`
  ScopeChain chain;  // the scopes open where it was defined (its closure)
  bool autoescape;   // escape_output where it was defined (its body's escaping)
};

namespace {

struct MacroId {
  std::uint64_t id;
};

thread_local std::unordered_map<std::uint64_t, MacroEntry> t_macros;
std::atomic<std::uint64_t> g_next_macro_id{1};

// Macros calling macros (and recursive loops): bounded like recursion (each
// level is C++ stack).
thread_local int t_nested_calls = 0;
constexpr int kMaxNestedCalls = 64;

const std::string& macro_name(const MacroEntry& e) {
  static const std::string caller = "caller";
  return e.node->kind == NodeKind::CallBlock ? caller : e.node->text;
}

const host::ValueType& macro_type();

const MacroEntry* entry_of(Isolate& I, Value self) {
  MacroId m{};
  if (!host::payload_as(self, macro_type().type, m)) {
    raise(I, types().TypeError, "expected a macro");
    return nullptr;
  }
  auto it = t_macros.find(m.id);
  if (it == t_macros.end()) {
    raise(I, template_error_type(),
          "a macro can only be called while its template renders (it was kept after "
          "render_template returned)");
    return nullptr;
  }
  return &it->second;
}

QUIRE_NATIVE(macro_call) {
  const MacroEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  return e->evaluator->call_macro(*e, args + 1, nargs - 1, kwnames);
}

QUIRE_NATIVE(macro_repr) {
  const MacroEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  return new_str(I, "<Macro '" + macro_name(*e) + "'>");
}

QUIRE_NATIVE(macro_name_property) {
  const MacroEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  return new_str(I, macro_name(*e));
}

QUIRE_NATIVE(macro_arguments) {
  const MacroEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  std::vector<Value> names;
  ReleaseAll release{names};
  for (const auto& n : e->node->names) names.push_back(new_str(I, n));
  return new_tuple_from(I, names.data(), names.size());
}

template <std::uint8_t kRef>
QUIRE_NATIVE(macro_flag) {
  const MacroEntry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  return Value::boolean((e->node->refs & kRef) != 0);
}

const host::ValueType& macro_type() {
  static const host::ValueType t = [] {
    host::ValueType m = host::define_value_type("Macro");
    host::define_special(m, "__call__", macro_call);
    host::define_special(m, "__repr__", macro_repr);
    host::define_special(m, "__str__", macro_repr);
    host::define_property(m, "name", macro_name_property);
    host::define_property(m, "arguments", macro_arguments);
    host::define_property(m, "catch_kwargs", macro_flag<kRefKwargs>);
    host::define_property(m, "catch_varargs", macro_flag<kRefVarargs>);
    host::define_property(m, "caller", macro_flag<kRefCaller>);
    return m;
  }();
  return t;
}

Type* templates_not_found_type() {
  static Type* const t =
      host::define_exception("jinja2.exceptions.TemplatesNotFound", template_not_found_type());
  return t;
}

}  // namespace

bool enter_nested_call(Isolate& I) {
  if (t_nested_calls >= kMaxNestedCalls) {
    raise(I, types().RecursionError, "maximum recursion depth exceeded");
    return false;
  }
  ++t_nested_calls;
  return true;
}

void leave_nested_call() {
  --t_nested_calls;
}

Type* template_not_found_type() {
  static Type* const t =
      host::define_exception("jinja2.exceptions.TemplateNotFound", template_error_type());
  return t;
}

Value Evaluator::new_macro(const Node& n) {
  std::uint64_t id = g_next_macro_id.fetch_add(1, std::memory_order_relaxed);
  t_macros.emplace(id, MacroEntry{this, &n, scopes_, escape_output});
  macros_.push_back(id);
  return host::new_value(I_, macro_type(), MacroId{id});
}

void Evaluator::forget_macros() {
  for (std::uint64_t id : macros_) t_macros.erase(id);
  macros_.clear();
}

bool Evaluator::define_macro(const Node& n) {
  Value m = new_macro(n);
  if (m.is_exc()) return false;
  set_name(n.text, m);
  decref(m);
  return true;
}

Value Evaluator::call_macro(const MacroEntry& e, Value* args, std::size_t nargs,
                            const Tuple* kwnames) {
  const Node& n = *e.node;
  const std::string& name = macro_name(e);
  const std::size_t count = n.names.size();
  // `nargs` positional arguments, then one value per keyword name.
  std::size_t nkw = kwnames ? kwnames->size : 0;
  std::size_t npos = nargs;
  // Keyword arguments still unclaimed, in call order (borrowed).
  std::vector<std::pair<std::string, Value>> kw;
  for (std::size_t i = 0; i < nkw; ++i) {
    kw.emplace_back(std::string(as_str(kwnames->items()[i])->view()), args[npos + i]);
  }
  auto take_kw = [&](const std::string& key) {
    for (auto it = kw.begin(); it != kw.end(); ++it) {
      if (it->first == key) {
        Value v = it->second;
        kw.erase(it);
        return v;
      }
    }
    return Value();
  };
  std::vector<Value> bound(count);  // borrowed; Undef: not given
  std::size_t positional = std::min(npos, count);
  for (std::size_t i = 0; i < positional; ++i) bound[i] = args[i];
  bool found_caller = false;
  if (positional != count) {
    for (std::size_t i = positional; i < count; ++i) {
      bound[i] = take_kw(n.names[i]);
      if (n.names[i] == "caller") found_caller = true;
    }
  } else {
    for (const auto& p : n.names) found_caller = found_caller || p == "caller";
  }
  Value caller;  // borrowed, or Undef
  if ((n.refs & kRefCaller) && !found_caller) caller = take_kw("caller");
  if (!(n.refs & kRefKwargs) && !kw.empty()) {
    for (const auto& [key, v] : kw) {
      if (key == "caller") {
        return raise(I_, types().TypeError,
                     "macro '" + name +
                         "' was invoked with two values for the special caller argument. This "
                         "is most likely a bug.");
      }
    }
    return raise(I_, types().TypeError,
                 "macro '" + name + "' takes no keyword argument '" + kw.front().first + "'");
  }
  if (!(n.refs & kRefVarargs) && npos > count) {
    return raise(
        I_, types().TypeError,
        "macro '" + name + "' takes not more than " + std::to_string(count) + " argument(s)");
  }
  if (!enter_nested_call(I_)) return Value::exc();
  // The body sees the scopes open where the macro was defined, then its own.
  ScopeChain saved = std::move(scopes_);
  scopes_ = e.chain;
  push_scope();
  struct Restore {
    Evaluator& ev;
    ScopeChain& saved;
    bool escape_output;
    ~Restore() {
      leave_nested_call();
      ev.scopes_ = std::move(saved);
      ev.escape_output = escape_output;
    }
  } restore{*this, saved, escape_output};
  escape_output = e.autoescape;
  for (std::size_t i = 0; i < count; ++i) {
    Value v = bound[i];
    Owned value;
    if (v.is_undef()) {
      value.v = n.defaults[i]
                    ? eval(*n.defaults[i])
                    : undefined_hint(I_, "parameter '" + n.names[i] + "' was not provided");
      if (value.failed()) return Value::exc();
      v = value.v;
    }
    set_name(n.names[i], v);
  }
  if (n.refs & kRefCaller) {
    Owned fallback;
    if (caller.is_undef()) fallback.v = caller = undefined_hint(I_, "No caller defined");
    if (caller.is_exc()) return Value::exc();
    set_name("caller", caller);
  }
  if (n.refs & kRefKwargs) {
    Owned d(Value::object(alloc_dict(I_)));
    for (const auto& [key, v] : kw) {
      Owned k(new_str(I_, key));
      if (!dict_set(I_, as_dict(d.v), k.v, v)) return Value::exc();
    }
    set_name("kwargs", d.v);
  }
  if (n.refs & kRefVarargs) {
    Owned rest(npos > count ? new_tuple_from(I_, args + count, npos - count)
                            : new_tuple_from(I_, nullptr, 0));
    if (rest.failed()) return Value::exc();
    set_name("varargs", rest.v);
  }
  std::string out;
  if (!render(n.body, out)) return Value::exc();
  // Macro.__call__: Markup when the caller's eval context autoescapes.
  return eval_autoescape ? new_markup(I_, out) : new_str(I_, out);
}

// {% call(args) m(...) %}body{% endcall %}: m(..., caller=<the body as a macro>).
bool Evaluator::render_call_block(const Node& n, std::string& out) {
  const Expr& call = *n.expr;
  Owned callee(eval(*call.args[0]));
  if (callee.failed()) return false;
  if (is_undefined(callee.v)) {
    raise_undefined(I_, callee.v);
    return false;
  }
  std::vector<Value> values;
  ReleaseAll release{values};
  std::vector<std::string> names;
  if (!eval_call_args(call, 1, values, names)) return false;
  Value caller = new_macro(n);
  if (caller.is_exc()) return false;
  values.push_back(caller);
  names.push_back("caller");
  Tuple* kwnames = alloc_tuple(I_, names.size());
  Owned kw_owned(Value::object(kwnames));
  for (std::size_t i = 0; i < names.size(); ++i) kwnames->items()[i] = new_str(I_, names[i]);
  Owned result(lang::call(I_, callee.v, values.data(), values.size() - names.size(), kwnames));
  if (result.failed()) return false;
  std::string text;
  return to_text(result.v, text) && append(out, text);
}

// {% filter f|g(x) %}body{% endfilter %}: the rendered body through the chain.
bool Evaluator::render_filter_block(const Node& n, std::string& out) {
  std::string body;
  if (!render(n.body, body)) return false;
  Owned input(escape_output ? new_markup(I_, body) : new_str(I_, body));
  if (input.failed()) return false;
  push_scope();
  set_name(kFilterBlockInput, input.v);
  Owned result(eval(*n.expr));
  pop_scope();
  if (result.failed()) return false;
  std::string text;
  return to_text(result.v, text) && append(out, text);
}

// {% block name %}: rendered where it stands (without extends nothing can
// override it). As in Jinja it does not see the enclosing loop's names
// unless `scoped`, and its own assignments stay inside it.
// jinja2 compiles a block as a function of its own, with the environment's
// autoescape (off): an {% autoescape %} around it does not escape its output.
bool Evaluator::render_block(const Node& n, std::string& out) {
  const bool saved = escape_output;
  escape_output = false;
  bool ok = n.scoped ? render_in(scopes_, n.body, out)
                     : render_in(ScopeChain(scopes_.begin(), scopes_.begin() + 1), n.body, out);
  escape_output = saved;
  return ok;
}

bool Evaluator::render_in(const ScopeChain& chain, const Body& body, std::string& out) {
  ScopeChain inner = chain;  // `chain` may be scopes_ itself
  ScopeChain saved = std::move(scopes_);
  scopes_ = std::move(inner);
  push_scope();
  bool ok = render(body, out);
  scopes_ = std::move(saved);
  return ok;
}

// include / extends / import / from: the template named is never found.
bool Evaluator::render_load(const Node& n) {
  Owned name(eval(*n.expr));
  if (name.failed()) return false;
  if (n.ignore_missing) return true;
  if (n.text != "import" && n.text != "from" && (is_list(name.v) || is_tuple(name.v))) {
    const std::vector<Value> items =
        is_list(name.v) ? as_list(name.v)->items
                        : std::vector<Value>(as_tuple(name.v)->items(),
                                             as_tuple(name.v)->items() + as_tuple(name.v)->size);
    if (items.empty()) {
      raise(I_, templates_not_found_type(), "Tried to select from an empty list of templates.");
      return false;
    }
    std::string names;
    for (Value item : items) {
      std::string text;
      if (!to_text(item, text)) return false;
      names += (names.empty() ? "" : ", ") + text;
    }
    raise(I_, templates_not_found_type(), "none of the templates given were found: " + names);
    return false;
  }
  std::string text;
  if (!to_text(name.v, text)) return false;
  raise(I_, template_not_found_type(), text);
  return false;
}

}  // namespace quire::scripting::jinja
