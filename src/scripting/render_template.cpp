// frappe.render_template: Frappe's checks around Jinja (frappe/utils/jinja.py
// render_template), the environment's globals, the parse cache, and the
// conversion of template errors into Frappe's "Jinja Template Error".
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/render_template.h"

#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "lang/lib/json.h"
#include "lang/sandbox/host.h"
#include "scripting/attr_dict.h"
#include "scripting/engine.h"
#include "scripting/frappe_api.h"
#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"
#include "scripting/render_template_safedoc.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// Parsed templates by source, shared by every thread (the trees hold no
// script values). Bounded: the oldest entry goes first.
class TemplateCache {
 public:
  struct Entry {
    std::shared_ptr<const jinja::Template> tree;
    std::optional<jinja::SyntaxError> error;
  };

  Entry get(const std::string& source) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = map_.find(source);
      if (it != map_.end()) return it->second;
    }
    Entry e;
    auto tree = std::make_shared<jinja::Template>();
    jinja::SyntaxError error;
    if (jinja::parse_template(source, *tree, error)) {
      e.tree = std::move(tree);
    } else {
      e.error = error;
    }
    // Large sources are parsed each time: the cache stays small (256 x 64 KiB).
    if (source.size() > kMaxCachedSource) return e;
    std::lock_guard<std::mutex> lock(mutex_);
    if (map_.size() >= kMaxEntries) {
      map_.erase(order_.front());
      order_.pop_front();
    }
    if (map_.emplace(source, e).second) order_.push_back(source);
    return e;
  }

 private:
  static constexpr std::size_t kMaxEntries = 256;
  static constexpr std::size_t kMaxCachedSource = std::size_t{64} << 10;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> map_;
  std::list<std::string> order_;
};

TemplateCache& cache() {
  static TemplateCache c;
  return c;
}

// Templates rendering templates (frappe.render_template is a global of the
// environment) are bounded like recursion.
thread_local int t_render_depth = 0;
constexpr int kMaxRenderDepth = 16;

// jinja.py guess_is_path: one line with a known file extension.
bool guess_is_path(std::string_view t) {
  if (t.find('\n') != std::string_view::npos) return false;
  auto dot = t.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view ext = t.substr(dot + 1);
  for (const char* e : {"html", "css", "scss", "py", "md", "json", "js", "xml"}) {
    if (ext == e) return true;
  }
  return false;
}

bool put(Isolate& I, Dict* d, std::string_view key, Value v) {  // takes v
  if (v.is_exc()) return false;
  Value k = new_str(I, key);
  bool ok = dict_set(I, d, k, v);
  decref(k);
  decref(v);
  return ok;
}

// The environment's globals: get_safe_globals() (the script's `frappe`, json,
// _dict, _, as_json, scrub, style and the builtins Frappe adds), and Jinja's
// range, dict and namespace (a _dict here).
Value environment_globals(Isolate& I) {
  Dict* d = alloc_dict(I);
  Value out = Value::object(d);
  Value frappe = global_value(I, "frappe");
  bool ok = true;
  if (!frappe.is_undef()) {
    ok = put(I, d, "frappe", template_frappe_module(I, frappe));
    // (Read from the script's frappe module; a script may have rebound the name.)
    for (const char* name : {"_", "as_json", "scrub", "_dict"}) {
      if (!is_kind(frappe, Kind::Module)) break;
      Value key = new_str(I, name);
      Value v = get_attr(I, frappe, as_str(key));
      decref(key);
      ok = ok && put(I, d, name, v);
    }
  }
  for (const char* name :
       {"abs", "all", "any", "bool", "dict", "enumerate", "isinstance", "issubclass", "list", "max",
        "min", "range", "set", "sorted", "sum", "tuple"}) {
    ok = ok && put(I, d, name, builtin_value(builtin_index(name)));
  }
  ok = ok && put(I, d, "json", lang::json::make_module(I)) &&
       put(I, d, "namespace", Value::object(attr_dict_type())) &&
       put(I, d, "style", to_value(I, Json{{"border_color", "#d1d8dd"}}));
  if (!ok) {
    decref(out);
    return Value::exc();
  }
  return out;
}

// frappe.throw(title="Jinja Template Error", msg="<pre>{template}</pre><pre>{traceback}</pre>").
Value jinja_template_error(Isolate& I, RunState& run, const std::string& source, int line,
                           const std::string& error_line) {
  std::string traceback = "Traceback (most recent call last):\n  File \"<template>\", line " +
                          std::to_string(line) + ", in template\n" + error_line + "\n";
  Value msg = new_str(I, "<pre>" + source + "</pre><pre>" + traceback + "</pre>");
  Value title = new_str(I, "Jinja Template Error");
  Value r = message(I, run, msg, title, Value::object(frappe_exception_type("ValidationError")),
                    intern("red"), false);
  decref(msg);
  decref(title);
  return r;
}

}  // namespace

bool rendering_template() {
  return t_render_depth > 0;
}

Value render_template_native(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                             void*) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[4];
  if (!parse_args(I, "render_template", args, nargs, kwnames,
                  {"template", "context", "is_path", "safe_render"}, 1, a))
    return Value::exc();
  int has_template = truthy(I, a[0]);
  if (has_template < 0) return Value::exc();
  if (!has_template) return new_str(I, "");
  std::string source;
  if (!arg_string(I, a[0], source, "template")) return Value::exc();
  bool is_path = false, safe_render = true;
  if (!opt_bool(I, a[2], is_path) || !opt_bool(I, a[3], safe_render, true)) return Value::exc();
  if (is_path || guess_is_path(source) || source.rfind("templates/", 0) == 0) {
    // No app template folders here: Jinja's loader finds nothing.
    return raise(I, jinja::template_not_found_type(), source);
  }
  if (safe_render && source.find(".__") != std::string::npos) {
    Value m = new_str(I, "Illegal template");
    Value r = message(I, *run, m, Value(), Value::object(frappe_exception_type("ValidationError")),
                      intern("red"), false);
    decref(m);
    return r;
  }
  if (t_render_depth >= kMaxRenderDepth) {
    return raise(I, types().RecursionError, "templates rendering templates nested too deeply");
  }
  TemplateCache::Entry entry = cache().get(source);
  if (entry.error) {
    return jinja_template_error(
        I, *run, source, entry.error->line,
        std::string(entry.error->assertion ? "jinja2.exceptions.TemplateAssertionError: "
                                           : "jinja2.exceptions.TemplateSyntaxError: ") +
            entry.error->message);
  }
  Value context = given(a[1]) ? call1(I, builtin_value(builtin_index("dict")), a[1])
                              : Value::object(alloc_dict(I));
  if (context.is_exc()) return context;
  Value globals = environment_globals(I);
  if (globals.is_exc()) {
    decref(context);
    return globals;
  }
  std::string out;
  bool ok;
  int line = 1;
  {
    ++t_render_depth;
    jinja::Evaluator ev(I, jinja::Mode::Jinja, context, globals);
    ok = ev.render(entry.tree->body, out);
    if (ev.current) line = ev.current->line;
    --t_render_depth;
  }
  if (t_render_depth == 0) forget_safe_docs();
  decref(context);
  decref(globals);
  if (ok) return new_str(I, out);
  // Frappe turns jinja2's TemplateError into frappe.throw; every other
  // exception (a ZeroDivisionError, a frappe.throw inside) passes unchanged.
  if (I.uncatchable || !isinstance(I.pending, jinja::template_error_type())) return Value::exc();
  Value exc = I.pending;
  I.pending = Value();
  std::string error_line = exception_line(I, exc);
  decref(exc);
  return jinja_template_error(I, *run, source, line, error_line);
}

}  // namespace quire::scripting
