// The tree walk of render_template_eval.h. Every value is a reference the
// walk owns (Owned releases it); an exception is reported as Value::exc()
// with the language's pending exception, as natives do.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/render_template_eval.h"

#include <algorithm>

#include "lang/compile/code.h"
#include "lang/sandbox/policy.h"
#include "scripting/attr_dict.h"
#include "scripting/native_util.h"
#include "scripting/render_template_markup.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

namespace {

// A str value for a name (released by the caller).
Value name_str(Isolate& I, std::string_view name) {
  return new_str(I, name);
}

// Clears a pending exception of one of `kinds` (never a limit error).
bool clear_if(Isolate& I, std::initializer_list<Type*> kinds) {
  if (I.uncatchable || I.pending.is_undef()) return false;
  for (Type* t : kinds) {
    if (isinstance(I.pending, t)) {
      Value p = I.pending;
      I.pending = Value();
      decref(p);
      return true;
    }
  }
  return false;
}

// Frappe's UNSAFE_ATTRIBUTES beyond the policy's inspect set (safe_eval only).
bool unsafe_for_safe_eval(std::string_view name) {
  return name == "format" || name == "format_map" || name == "ag_code" || name == "ag_frame";
}

Value tuple_of_names(Isolate& I, const std::vector<std::string>& names) {
  if (names.empty()) return Value();
  Tuple* t = alloc_tuple(I, names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    t->items()[i] = new_str(I, names[i]);
  }
  return Value::object(t);
}

}  // namespace

Evaluator::Evaluator(Isolate& I, Mode mode, Value names, Value globals)
    : I_(I), mode_(mode), names_(names), globals_(globals) {
  push_scope();
}

Evaluator::~Evaluator() {
  forget_macros();
}

bool Evaluator::to_text(Value v, std::string& out) {
  return str_into(I_, v, out);
}

Value Evaluator::lookup(const std::string& name) {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    auto found = (*it)->names.find(name);
    if (found != (*it)->names.end()) {
      incref(found->second);
      return found->second;
    }
  }
  for (Value table : {names_, globals_}) {
    if (!table.is_obj()) continue;
    Dict* d = is_dict(table) ? as_dict(table) : attr_dict_table(I_, table);
    Value v = dict_get_str(d, name);
    if (!v.is_undef()) {
      incref(v);
      return v;
    }
  }
  if (mode_ == Mode::Python) {
    // safe_eval's WHITELISTED_SAFE_EVAL_GLOBALS: int, float, long (= int), round.
    if (name == "int" || name == "float" || name == "round" || name == "long") {
      return builtin_value(builtin_index(name == "long" ? "int" : name));
    }
    return raise(I_, types().NameError, "name '" + name + "' is not defined");
  }
  return undefined_name(I_, name);
}

Value Evaluator::get_attribute(Value obj, std::string_view name) {
  if (mode_ == Mode::Python) {
    // safe_exec's _getattr_ (spec §3.4), missing attributes raising as in Python.
    if (unsafe_for_safe_eval(name) || !sandbox::attribute_allowed(name)) {
      if (!name.empty() && name[0] == '_') {
        return raise(I_, types().AttributeError,
                     "\"" + std::string(name) +
                         "\" is an invalid attribute name because it starts with \"_\"");
      }
      return raise(I_, types().SyntaxError, std::string(name) + " is an unsafe attribute");
    }
    Owned key(name_str(I_, name));
    return get_attr(I_, obj, as_str(key.v));
  }
  if (is_undefined(obj)) return raise_undefined(I_, obj);
  if (!sandbox::attribute_allowed(name)) {
    return undefined_hint(I_,
                          "access to attribute '" + std::string(name) + "' of '" + type_name(obj) +
                              "' object is unsafe.",
                          false, true);
  }
  if (is_markup(obj)) {  // Markup's own methods return Markup
    Value method = markup_method(I_, obj, name);
    if (!method.is_undef()) return method;
  }
  Owned key(name_str(I_, name));
  Value v = get_attr(I_, obj, as_str(key.v));
  if (!v.is_exc()) return v;
  if (!clear_if(I_, {types().AttributeError})) return v;
  Value item = get_item(I_, obj, key.v);
  if (!item.is_exc()) return item;
  if (!clear_if(I_, {types().TypeError, types().LookupError})) return item;
  return undefined_element(I_, obj, key.v);
}

Value Evaluator::get_element(Value obj, Value key) {
  if (mode_ == Mode::Python) {
    if (is_str(key) && as_str(key)->view().substr(0, 1) == "_") {
      return raise(I_, types().SyntaxError, "Key starts with _");
    }
    return get_item(I_, obj, key);
  }
  if (is_undefined(obj)) return raise_undefined(I_, obj);
  Value v = get_item(I_, obj, key);
  if (!v.is_exc()) return v;
  if (!clear_if(I_, {types().TypeError, types().LookupError})) return v;
  if (is_str(key)) {
    std::string_view name = as_str(key)->view();
    if (!sandbox::attribute_allowed(name)) {
      return undefined_hint(I_,
                            "access to attribute '" + std::string(name) + "' of '" +
                                type_name(obj) + "' object is unsafe.",
                            false, true);
    }
    Value attr = get_attr(I_, obj, as_str(key));
    if (!attr.is_exc()) return attr;
    if (!clear_if(I_, {types().AttributeError})) return attr;
  }
  return undefined_element(I_, obj, key);
}

bool Evaluator::eval_args(const Expr& e, std::size_t first, std::vector<Value>& out) {
  for (std::size_t i = first; i < e.args.size(); ++i) {
    Value v = eval(*e.args[i]);
    if (v.is_exc()) return false;
    out.push_back(v);
  }
  return true;
}

bool Evaluator::eval_call_args(const Expr& e, std::size_t first, std::vector<Value>& out,
                               std::vector<std::string>& kwnames) {
  const std::size_t ndyn = ((e.dyn & kDynArgs) ? 1 : 0) + ((e.dyn & kDynKwargs) ? 1 : 0);
  const std::size_t end = e.args.size() - ndyn;
  const std::size_t keywords_at = end - e.kwnames.size();
  for (std::size_t i = first; i < keywords_at; ++i) {
    Value v = eval(*e.args[i]);
    if (v.is_exc()) return false;
    out.push_back(v);
  }
  std::size_t next_dyn = end;
  if (e.dyn & kDynArgs) {
    Owned spread(eval(*e.args[next_dyn++]));
    if (spread.failed()) return false;
    Owned items(is_undefined(spread.v) ? new_list_from(I_, nullptr, 0)
                                       : call1(I_, builtin_value(builtin_index("list")), spread.v));
    if (items.failed()) {
      if (!clear_if(I_, {types().TypeError})) return false;
      raise(I_, types().TypeError, "Value after * must be an iterable, not " + type_name(spread.v));
      return false;
    }
    for (Value v : as_list(items.v)->items) {
      incref(v);
      out.push_back(v);
    }
  }
  kwnames = e.kwnames;
  for (std::size_t i = keywords_at; i < end; ++i) {
    Value v = eval(*e.args[i]);
    if (v.is_exc()) return false;
    out.push_back(v);
  }
  if (e.dyn & kDynKwargs) {
    Owned mapping(eval(*e.args[next_dyn]));
    if (mapping.failed()) return false;
    if (!is_dict(mapping.v) && !is_attr_dict(mapping.v)) {
      raise(I_, types().TypeError,
            "jinja2.sandbox.SandboxedEnvironment.call() argument after ** must be a mapping, "
            "not " +
                type_name(mapping.v));
      return false;
    }
    Dict* d = is_dict(mapping.v) ? as_dict(mapping.v) : attr_dict_table(I_, mapping.v);
    Owned pairs(call_method(I_, Value::object(d), "items", nullptr, 0));
    if (pairs.failed()) return false;
    Owned list(call1(I_, builtin_value(builtin_index("list")), pairs.v));
    if (list.failed()) return false;
    for (Value pair : as_list(list.v)->items) {
      Value key = as_tuple(pair)->items()[0];
      if (!is_str(key)) {
        raise(I_, types().TypeError, "keywords must be strings");
        return false;
      }
      std::string name(as_str(key)->view());
      if (std::find(kwnames.begin(), kwnames.end(), name) != kwnames.end()) {
        raise(I_, types().TypeError,
              "jinja2.sandbox.SandboxedEnvironment.call() got multiple values for keyword "
              "argument '" +
                  name + "'");
        return false;
      }
      kwnames.push_back(name);
      Value v = as_tuple(pair)->items()[1];
      incref(v);
      out.push_back(v);
    }
  }
  return true;
}

Value Evaluator::call(const Expr& e) {
  Owned callee(eval(*e.args[0]));
  if (callee.failed()) return Value::exc();
  if (is_undefined(callee.v)) return raise_undefined(I_, callee.v);
  std::vector<Value> args;
  ReleaseAll release{args};
  std::vector<std::string> names;
  if (!eval_call_args(e, 1, args, names)) return Value::exc();
  Owned kwnames(tuple_of_names(I_, names));
  std::size_t npos = args.size() - names.size();
  return lang::call(I_, callee.v, args.data(), npos,
                    kwnames.v.is_obj() ? as_tuple(kwnames.v) : nullptr);
}

Value Evaluator::filter(const Expr& e) {
  if (!has_filter(e.text)) {
    return raise(I_, template_syntax_error_type(), "No filter named '" + e.text + "'.");
  }
  std::vector<Value> args;
  ReleaseAll release{args};
  std::vector<std::string> names;
  if (!eval_call_args(e, 0, args, names)) return Value::exc();
  current = &e;
  return apply_filter(*this, e.text, args, names);
}

Value Evaluator::test(const Expr& e) {
  if (!has_test(e.text)) {
    return raise(I_, template_syntax_error_type(), "No test named '" + e.text + "'.");
  }
  std::vector<Value> args;
  ReleaseAll release{args};
  std::vector<std::string> names;
  if (!eval_call_args(e, 0, args, names)) return Value::exc();
  current = &e;
  int r = apply_test(*this, e.text, args, names);
  if (r < 0) return Value::exc();
  return Value::boolean(e.negated ? !r : r);
}

Value Evaluator::compare(const Expr& e) {
  Owned left(eval(*e.args[0]));
  if (left.failed()) return Value::exc();
  for (std::size_t i = 0; i < e.ops.size(); ++i) {
    Owned right(eval(*e.args[i + 1]));
    if (right.failed()) return Value::exc();
    Value r;
    std::uint8_t op = e.ops[i];
    if (op == kCmpIn || op == kCmpNotIn) {
      int c = contains(I_, right.v, left.v);
      if (c < 0) return Value::exc();
      r = Value::boolean(op == kCmpIn ? c : !c);
    } else if (op == kCmpIs || op == kCmpIsNot) {
      bool same =
          left.v.tag == right.v.tag &&
          (left.v.is_obj() ? left.v.o == right.v.o
                           : (left.v.is_none() || (left.v.is_bool() && left.v.b == right.v.b) ||
                              (left.v.is_int() && left.v.i == right.v.i) ||
                              (left.v.is_float() && left.v.f == right.v.f)));
      r = Value::boolean(op == kCmpIs ? same : !same);
    } else {
      if (mode_ == Mode::Jinja && op != kCmpEq && op != kCmpNe) {
        if (is_undefined(left.v)) return raise_undefined(I_, left.v);
        if (is_undefined(right.v)) return raise_undefined(I_, right.v);
      }
      static const int codes[] = {kEq, kNe, kLt, kLe, kGt, kGe};
      r = compare_op(I_, codes[op], left.v, right.v);
      if (r.is_exc()) return r;
    }
    if (i + 1 == e.ops.size()) return r;
    int t = truthy(I_, r);
    if (t < 0) {
      decref(r);
      return Value::exc();
    }
    if (!t) return r;
    decref(r);
    lang::assign(left.v, right.take());
  }
  return Value::boolean(true);
}

Value Evaluator::build(const Expr& e) {
  std::vector<Value> items;
  ReleaseAll release{items};
  if (!eval_args(e, 0, items)) return Value::exc();
  switch (e.kind) {
    case ExprKind::List:
      return new_list_from(I_, items.data(), items.size());
    case ExprKind::Tuple:
      return new_tuple_from(I_, items.data(), items.size());
    case ExprKind::Set: {
      Set* s = alloc_set(I_);
      Value out = Value::object(s);
      for (Value v : items) {
        if (!set_add(I_, s, v)) {
          decref(out);
          return Value::exc();
        }
      }
      return out;
    }
    default: {
      Dict* d = alloc_dict(I_);
      Value out = Value::object(d);
      for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
        if (!dict_set(I_, d, items[i], items[i + 1])) {
          decref(out);
          return Value::exc();
        }
      }
      return out;
    }
  }
}

Value Evaluator::eval(const Expr& e) {
  current = &e;
  switch (e.kind) {
    case ExprKind::None:
      return Value::none();
    case ExprKind::True:
      return Value::boolean(true);
    case ExprKind::False:
      return Value::boolean(false);
    case ExprKind::Int:
      return int_from_string(I_, e.text, 10);
    case ExprKind::Float:
      return float_from_string(I_, e.text);
    case ExprKind::Str:
      return new_str(I_, e.text);
    case ExprKind::Name:
      return lookup(e.text);
    case ExprKind::Attr: {
      Owned obj(eval(*e.args[0]));
      if (obj.failed()) return Value::exc();
      return get_attribute(obj.v, e.text);
    }
    case ExprKind::Item: {
      Owned obj(eval(*e.args[0]));
      if (obj.failed()) return Value::exc();
      Owned key(eval(*e.args[1]));
      if (key.failed()) return Value::exc();
      Value v = get_element(obj.v, key.v);
      return markup_if(I_, is_markup(obj.v), v);  // Markup.__getitem__
    }
    case ExprKind::Slice: {
      Owned obj(eval(*e.args[0]));
      if (obj.failed()) return Value::exc();
      if (mode_ == Mode::Jinja && is_undefined(obj.v)) return raise_undefined(I_, obj.v);
      Value parts[3];
      for (int i = 0; i < 3; ++i) {
        parts[i] = eval(*e.args[static_cast<std::size_t>(i) + 1]);
        if (parts[i].is_exc()) {
          for (int k = 0; k < i; ++k) decref(parts[k]);
          return Value::exc();
        }
      }
      Value slice = lang::call(I_, builtin_value(builtin_index("slice")), parts, 3);
      for (Value& p : parts) decref(p);
      if (slice.is_exc()) return slice;
      Owned s(slice);
      Value v = get_item(I_, obj.v, s.v);
      return markup_if(I_, is_markup(obj.v), v);  // Markup.__getitem__
    }
    case ExprKind::Call:
      return call(e);
    case ExprKind::Filter:
      return filter(e);
    case ExprKind::Test:
      return test(e);
    case ExprKind::Neg:
    case ExprKind::Pos:
    case ExprKind::Invert: {
      Owned v(eval(*e.args[0]));
      if (v.failed()) return Value::exc();
      if (mode_ == Mode::Jinja && is_undefined(v.v)) return raise_undefined(I_, v.v);
      if (e.kind == ExprKind::Invert) return invert(I_, v.v);
      return e.kind == ExprKind::Neg ? negate(I_, v.v) : positive(I_, v.v);
    }
    case ExprKind::Not: {
      Owned v(eval(*e.args[0]));
      if (v.failed()) return Value::exc();
      int t = truthy(I_, v.v);
      if (t < 0) return Value::exc();
      return Value::boolean(!t);
    }
    case ExprKind::Binary: {
      Owned a(eval(*e.args[0]));
      if (a.failed()) return Value::exc();
      Owned b(eval(*e.args[1]));
      if (b.failed()) return Value::exc();
      if (mode_ == Mode::Jinja) {
        if (is_undefined(a.v)) return raise_undefined(I_, a.v);
        if (is_undefined(b.v)) return raise_undefined(I_, b.v);
      }
      if (is_markup(a.v) || is_markup(b.v)) {
        Value r = markup_binary(I_, e.op, a.v, b.v);
        if (!r.is_undef()) return r;
      }
      return binary_op(I_, e.op, a.v, b.v);
    }
    case ExprKind::Concat: {
      if (escape_output) return concat_markup(e);
      std::string out;
      for (const auto& arg : e.args) {
        Owned v(eval(*arg));
        if (v.failed()) return Value::exc();
        if (!to_text(v.v, out)) return Value::exc();
        if (!I_.heap.would_fit(out.size())) return raise_no_args(I_, types().MemoryError);
      }
      return new_str(I_, out);
    }
    case ExprKind::And:
    case ExprKind::Or: {
      Value a = eval(*e.args[0]);
      if (a.is_exc()) return a;
      int t = truthy(I_, a);
      if (t < 0) {
        decref(a);
        return Value::exc();
      }
      if ((e.kind == ExprKind::And) != static_cast<bool>(t)) return a;
      decref(a);
      return eval(*e.args[1]);
    }
    case ExprKind::Compare:
      return compare(e);
    case ExprKind::Cond: {
      Owned test(eval(*e.args[0]));
      if (test.failed()) return Value::exc();
      int t = truthy(I_, test.v);
      if (t < 0) return Value::exc();
      if (t) return eval(*e.args[1]);
      if (e.args.size() > 2) return eval(*e.args[2]);
      return undefined_hint(I_,
                            "the inline if-expression on line " + std::to_string(e.line) +
                                " evaluated to false and no else section was defined.",
                            /*silent=*/true);
    }
    case ExprKind::List:
    case ExprKind::Tuple:
    case ExprKind::Dict:
    case ExprKind::Set:
      return build(e);
  }
  return raise(I_, types().SystemError, "unknown template expression");
}

// ------------------------------------------------------------------ statements

bool Evaluator::set_name(const std::string& name, Value v) {
  auto& scope = scopes_.back()->names;
  incref(v);
  auto it = scope.find(name);
  if (it != scope.end()) {
    lang::assign(it->second, v);
  } else {
    scope.emplace(name, v);
  }
  return true;
}

bool Evaluator::assign(const Node& n, Value v) {
  if (!n.attr.empty()) {
    // {% set ns.attr = v %}: only namespace() objects (Jinja: "Can only
    // assign attributes on namespace objects"; here any _dict).
    Owned ns(lookup(n.names[0]));
    if (ns.failed()) return false;
    if (!is_attr_dict(ns.v)) {
      raise(I_, template_error_type(), "Cannot assign attribute on non-namespace object");
      return false;
    }
    return attr_dict_set(I_, ns.v, n.attr, v);
  }
  if (!n.tuple_target) return set_name(n.names[0], v);
  Owned items(lang::call(I_, builtin_value(builtin_index("list")), &v, 1));
  if (items.failed()) return false;
  const auto& list = as_list(items.v)->items;
  if (list.size() != n.names.size()) {
    raise(I_, types().ValueError,
          list.size() > n.names.size()
              ? "too many values to unpack (expected " + std::to_string(n.names.size()) + ")"
              : "not enough values to unpack (expected " + std::to_string(n.names.size()) +
                    ", got " + std::to_string(list.size()) + ")");
    return false;
  }
  for (std::size_t i = 0; i < list.size(); ++i) set_name(n.names[i], list[i]);
  return true;
}

bool Evaluator::append(std::string& out, std::string_view text) {
  out += text;
  if (!I_.heap.would_fit(out.size())) {
    raise_no_args(I_, types().MemoryError);
    return false;
  }
  return true;
}

// {% autoescape on/off %}: the body in its own scope, with both of
// jinja2's autoescape flags set for it (Frappe's environment starts off).
bool Evaluator::render_autoescape(const Node& n, std::string& out) {
  Owned on(eval(*n.expr));
  if (on.failed()) return false;
  int t = truthy(I_, on.v);
  if (t < 0) return false;
  const bool saved_output = escape_output, saved_eval = eval_autoescape;
  escape_output = eval_autoescape = t != 0;
  push_scope();
  bool ok = render(n.body, out);
  pop_scope();
  escape_output = saved_output;
  eval_autoescape = saved_eval;
  return ok;
}

// `a ~ b` under autoescape: jinja2's markup_join.
Value Evaluator::concat_markup(const Expr& e) {
  std::vector<Value> parts;
  ReleaseAll release{parts};
  if (!eval_args(e, 0, parts)) return Value::exc();
  return markup_join(I_, parts.data(), parts.size());
}

bool Evaluator::render(const Body& body, std::string& out) {
  for (const Node& n : body) {
    switch (n.kind) {
      case NodeKind::Text:
        if (!append(out, n.text)) return false;
        break;
      case NodeKind::Output: {
        Owned v(eval(*n.expr));
        if (v.failed()) return false;
        if (escape_output) {
          if (!escape_into(I_, v.v, out) || !append(out, {})) return false;
          break;
        }
        if (is_str(v.v)) {
          if (!append(out, as_str(v.v)->view())) return false;
          break;
        }
        std::string text;
        if (!to_text(v.v, text) || !append(out, text)) return false;
        break;
      }
      case NodeKind::If: {
        bool done = false;
        for (const auto& [cond, branch] : n.branches) {
          Owned v(eval(*cond));
          if (v.failed()) return false;
          int t = truthy(I_, v.v);
          if (t < 0) return false;
          if (t) {
            if (!render(branch, out)) return false;
            done = true;
            break;
          }
        }
        if (!done && !render(n.else_body, out)) return false;
        break;
      }
      case NodeKind::For:
        if (!render_for(n, out)) return false;
        break;
      case NodeKind::Set: {
        Owned v(eval(*n.expr));
        if (v.failed() || !assign(n, v.v)) return false;
        break;
      }
      case NodeKind::SetBlock: {
        std::string captured;
        if (!render(n.body, captured)) return false;
        Owned v(eval_autoescape ? new_markup(I_, captured) : new_str(I_, captured));
        if (!assign(n, v.v)) return false;
        break;
      }
      case NodeKind::With: {
        std::vector<Value> values;
        for (const auto& [expr, unused] : n.branches) {
          Value v = eval(*expr);
          if (v.is_exc()) {
            for (Value x : values) decref(x);
            return false;
          }
          values.push_back(v);
        }
        push_scope();
        for (std::size_t i = 0; i < values.size(); ++i) {
          set_name(n.names[i], values[i]);
          decref(values[i]);
        }
        bool ok = render(n.body, out);
        pop_scope();
        if (!ok) return false;
        break;
      }
      case NodeKind::Macro:
        if (!define_macro(n)) return false;
        break;
      case NodeKind::CallBlock:
        if (!render_call_block(n, out)) return false;
        break;
      case NodeKind::FilterBlock:
        if (!render_filter_block(n, out)) return false;
        break;
      case NodeKind::Block:
        if (!render_block(n, out)) return false;
        break;
      case NodeKind::Load:
        if (!render_load(n)) return false;
        break;
      case NodeKind::Autoescape:
        if (!render_autoescape(n, out)) return false;
        break;
    }
  }
  return true;
}

}  // namespace quire::scripting::jinja
