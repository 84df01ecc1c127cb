// The filters and tests of frappe.render_template: Jinja's built-ins as
// jinja2/filters.py and jinja2/tests.py define them (Markup where jinja2
// gives one, autoescape-aware join/replace), with
// Frappe's overrides from frappe/utils/jinja.py set_filters: `int` is cint,
// `str` is cstr, `flt` is flt, `json` is frappe.as_json, `len` is len.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <cmath>
#include <functional>
#include <map>

#include "scripting/attr_dict.h"
#include "scripting/frappe_api.h"
#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"
#include "scripting/render_template_filter_util.h"
#include "scripting/render_template_groups.h"
#include "scripting/render_template_iterators.h"
#include "scripting/render_template_markup.h"
#include "scripting/render_template_text_filters.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

namespace {

Value builtin(const char* name) {
  return builtin_value(builtin_index(name));
}

Value call_builtin(Isolate& I, const char* name, Value arg) {
  return call1(I, builtin(name), arg);
}

}  // namespace

bool bind(Isolate& I, const char* fname, std::vector<Value>& args,
          const std::vector<std::string>& kwnames, std::initializer_list<const char*> params,
          Value* out) {
  Value kw;
  if (!kwnames.empty()) {
    Tuple* t = alloc_tuple(I, kwnames.size());
    for (std::size_t i = 0; i < kwnames.size(); ++i) t->items()[i] = new_str(I, kwnames[i]);
    kw = Value::object(t);
  }
  bool ok = parse_args(I, fname, args.data(), args.size() - kwnames.size(),
                       kw.is_obj() ? as_tuple(kw) : nullptr, params, 1, out);
  decref(kw);
  return ok;
}

namespace {

Value text_value(Evaluator& ev, Value v) {
  std::string s;
  if (!ev.to_text(v, s)) return Value::exc();
  return new_str(ev.isolate(), s);
}

using Filter =
    std::function<Value(Evaluator&, std::vector<Value>&, const std::vector<std::string>&)>;

// The utils function `name` of frappe.utils (cint, flt, cstr).
Value utils_function(const char* name) {
  return type_lookup(utils_namespace(), name);
}

Value call_utils(Isolate& I, const char* name, std::vector<Value>& args,
                 const std::vector<std::string>& kwnames) {
  Value kw;
  if (!kwnames.empty()) {
    Tuple* t = alloc_tuple(I, kwnames.size());
    for (std::size_t i = 0; i < kwnames.size(); ++i) t->items()[i] = new_str(I, kwnames[i]);
    kw = Value::object(t);
  }
  Value r = call(I, utils_function(name), args.data(), args.size() - kwnames.size(),
                 kw.is_obj() ? as_tuple(kw) : nullptr);
  decref(kw);
  return r;
}

}  // namespace

Value get_path(Evaluator& ev, Value item, Value attribute, Value fallback) {
  Isolate& I = ev.isolate();
  // make_attrgetter puts `default` in place of an Undefined after each part.
  auto or_fallback = [&](Value v) {
    if (v.is_exc() || fallback.is_undef() || fallback.is_none() || !is_undefined(v)) return v;
    decref(v);
    incref(fallback);
    return fallback;
  };
  if (!is_str(attribute)) return or_fallback(ev.get_element(item, attribute));
  std::string path(as_str(attribute)->view());
  incref(item);
  Value cur = item;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = path.find('.', start);
    std::string part =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    Value next;
    bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      Value key = int_from_string(I, part, 10);
      next = ev.get_element(cur, key);
      decref(key);
    } else {
      Value key = new_str(I, part);
      next = ev.get_element(cur, key);
      decref(key);
    }
    decref(cur);
    next = or_fallback(next);
    if (next.is_exc()) return next;
    cur = next;
    if (dot == std::string::npos) return cur;
    start = dot + 1;
  }
}

Value sorted_by(Evaluator& ev, Value items, Value attribute, bool case_sensitive, bool reverse,
                Value fallback) {
  Isolate& I = ev.isolate();
  // Keys computed first (attribute, then case), then sorted(range) by them.
  Owned list(call_builtin(I, "list", items));
  if (list.v.is_exc()) return Value::exc();
  std::vector<Value> keyed;
  for (Value item : as_list(list.v)->items) {
    Value key = given(attribute) ? get_path(ev, item, attribute, fallback) : (incref(item), item);
    if (key.is_exc()) {
      for (Value k : keyed) decref(k);
      return key;
    }
    if (!case_sensitive && is_str(key)) {
      Value lower = call_method(I, key, "lower", nullptr, 0);
      decref(key);
      key = lower;
    }
    Value pair[2] = {key, item};
    Value t = new_tuple_from(I, pair, 2);
    decref(key);
    keyed.push_back(t);
  }
  Owned pairs(new_list_from(I, keyed.data(), keyed.size()));
  for (Value k : keyed) decref(k);
  // Sort by the key only (items need not be comparable): key=itemgetter(0).
  Value first = new_native(
      I,
      [](Isolate& I2, Value* a, std::size_t, const Tuple*, void*) -> Value {
        return get_item(I2, a[0], Value::integer(0));
      },
      "key");
  Value kwvalues[3] = {pairs.v, first, Value::boolean(reverse)};
  Tuple* kw = alloc_tuple(I, 2);
  kw->items()[0] = new_str(I, "key");
  kw->items()[1] = new_str(I, "reverse");
  Value sorted = call(I, builtin("sorted"), kwvalues, 1, kw);
  decref(Value::object(kw));
  decref(first);
  if (sorted.is_exc()) return sorted;
  std::vector<Value> out;
  for (Value p : as_list(sorted)->items) out.push_back(as_tuple(p)->items()[1]);
  Value result = new_list_from(I, out.data(), out.size());
  decref(sorted);
  return result;
}

bool flag(Isolate& I, Value v, bool fallback, bool& out) {
  if (!given(v)) {
    out = fallback;
    return true;
  }
  int t = truthy(I, v);
  if (t < 0) return false;
  out = t;
  return true;
}

bool clear_type_error(Isolate& I) {
  if (I.uncatchable || !isinstance(I.pending, types().TypeError)) return false;
  Value p = I.pending;
  I.pending = Value();
  decref(p);
  return true;
}

namespace {

// Jinja's do_title: each word's first letter upper, the rest lower; words
// begin after '-', whitespace and opening brackets.
Value title_of(Isolate& I, Value s) {
  std::string text(as_str(s)->view());
  std::string out, word;
  auto flush = [&]() -> bool {
    if (word.empty()) return true;
    Value w = new_str(I, word);
    Value first = str_getitem(I, as_str(w), Value::integer(0));
    Value rest_slice_args[3] = {Value::integer(1), Value::none(), Value::none()};
    Value sl = call(I, builtin("slice"), rest_slice_args, 3);
    Value rest = get_item(I, w, sl);
    decref(sl);
    Value up = call_method(I, first, "upper", nullptr, 0);
    Value low = call_method(I, rest, "lower", nullptr, 0);
    bool ok = !up.is_exc() && !low.is_exc();
    if (ok) {
      out += as_str(up)->view();
      out += as_str(low)->view();
    }
    decref(w);
    decref(first);
    decref(rest);
    decref(up);
    decref(low);
    word.clear();
    return ok;
  };
  for (char c : text) {
    if (c == '-' || c == '(' || c == '{' || c == '[' || c == '<' ||
        std::isspace(static_cast<unsigned char>(c))) {
      if (!flush()) return Value::exc();
      out += c;
    } else {
      word += c;
    }
  }
  if (!flush()) return Value::exc();
  return new_str(I, out);
}

// jinja2's do_replace: str.replace on the text, except under autoescape,
// where a Markup (or a Markup old/new, escaping a plain s) replaces with
// Markup.replace, which escapes `new` (markupsafe 3: not `old`).
Value replace_filter(Evaluator& ev, Value* a) {
  Isolate& I = ev.isolate();
  Value count = given(a[3]) && !a[3].is_none() ? a[3] : Value::integer(-1);
  std::string old_text, new_text;
  if (!ev.to_text(a[1], old_text) || !ev.to_text(a[2], new_text)) return Value::exc();
  bool markup = false;
  std::string s;
  if (ev.eval_autoescape && (is_markup(a[0]) || is_markup(a[1]) || is_markup(a[2]))) {
    markup = true;
    if (!escape_into(ev.isolate(), a[0], s)) return Value::exc();
    new_text.clear();
    if (!escape_into(ev.isolate(), a[2], new_text)) return Value::exc();
  } else if (!ev.to_text(a[0], s)) {
    return Value::exc();
  }
  Owned sv(new_str(I, s)), ov(new_str(I, old_text)), nv(new_str(I, new_text));
  Value margs[3] = {ov.v, nv.v, count};
  return markup_if(I, markup, call_method(I, sv.v, "replace", margs, 3));
}

const std::map<std::string, Filter, std::less<>>& filters() {
  static const std::map<std::string, Filter, std::less<>> table = [] {
    std::map<std::string, Filter, std::less<>> f;
    f["default"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Value a[3];
      if (!bind(I, "default", args, kw, {"value", "default_value", "boolean"}, a))
        return Value::exc();
      bool boolean = false;
      if (!flag(I, a[2], false, boolean)) return Value::exc();
      bool use_default = is_undefined(a[0]);
      if (!use_default && boolean) {
        int t = truthy(I, a[0]);
        if (t < 0) return Value::exc();
        use_default = !t;
      }
      Value out = use_default ? (a[1].is_undef() ? new_str(I, "") : a[1]) : a[0];
      if (!(use_default && a[1].is_undef())) incref(out);
      return out;
    };
    f["d"] = f["default"];
    auto str_method_filter = [](const char* method) {
      return [method](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
        Owned s(text_value(ev, args[0]));
        if (s.v.is_exc()) return Value::exc();
        return markup_if(ev.isolate(), is_markup(args[0]),
                         call_method(ev.isolate(), s.v, method, nullptr, 0));
      };
    };
    f["upper"] = str_method_filter("upper");
    f["lower"] = str_method_filter("lower");
    f["capitalize"] = str_method_filter("capitalize");
    f["title"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      Owned s(text_value(ev, args[0]));
      if (s.v.is_exc()) return Value::exc();
      return title_of(ev.isolate(), s.v);  // a str even for a Markup ("".join)
    };
    f["trim"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Value a[2];
      if (!bind(ev.isolate(), "trim", args, kw, {"value", "chars"}, a)) return Value::exc();
      Owned s(text_value(ev, a[0]));
      if (s.v.is_exc()) return Value::exc();
      Value chars = a[1].is_undef() ? Value::none() : a[1];
      return markup_if(ev.isolate(), is_markup(a[0]),
                       call_method(ev.isolate(), s.v, "strip", &chars, 1));
    };
    f["replace"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Value a[4];
      if (!bind(ev.isolate(), "replace", args, kw, {"s", "old", "new", "count"}, a))
        return Value::exc();
      if (a[1].is_undef() || a[2].is_undef())
        return raise(ev.isolate(), types().TypeError, "replace() missing required arguments");
      return replace_filter(ev, a);
    };
    f["length"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      return len_of(ev.isolate(), args[0]);
    };
    f["count"] = f["length"];
    f["len"] = f["length"];
    f["join"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Value a[3];
      if (!bind(I, "join", args, kw, {"value", "d", "attribute"}, a)) return Value::exc();
      Owned list(call_builtin(I, "list", a[0]));
      if (list.v.is_exc()) return Value::exc();
      std::vector<Value> items;
      ReleaseAll release{items};
      for (Value item : std::vector<Value>(as_list(list.v)->items)) {
        Value v = given(a[2]) ? get_path(ev, item, a[2]) : (incref(item), item);
        if (v.is_exc()) return v;
        items.push_back(v);
      }
      Value sep = given(a[1]) ? a[1] : Value();
      // Under autoescape a Markup separator or item makes the result Markup,
      // the plain parts escaped (jinja2's do_join); else it is str.join.
      bool markup = false;
      if (ev.eval_autoescape) {
        markup = is_markup(sep);
        for (std::size_t i = 0; i < items.size() && !markup; ++i) markup = is_markup(items[i]);
      }
      std::string out;
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i && !sep.is_undef() &&
            !(markup ? escape_into(ev.isolate(), sep, out) : ev.to_text(sep, out)))
          return Value::exc();
        if (!(markup ? escape_into(ev.isolate(), items[i], out) : ev.to_text(items[i], out)))
          return Value::exc();
        if (!I.heap.would_fit(out.size())) return raise_no_args(I, types().MemoryError);
      }
      return markup ? new_markup(I, out) : new_str(I, out);
    };
    f["first"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      Isolate& I = ev.isolate();
      Owned it(get_iter(I, args[0]));
      if (it.v.is_exc()) return Value::exc();
      Value v = iter_next(I, it.v);
      if (v.is_undef()) return undefined_hint(I, "No first item, sequence was empty.");
      return v;
    };
    f["last"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      Isolate& I = ev.isolate();
      // next(iter(reversed(value))): a generator is not reversible.
      Value v;
      if (!is_undefined(args[0])) {
        Owned reversed(call_builtin(I, "reversed", args[0]));
        if (reversed.v.is_exc()) return Value::exc();
        v = iter_next(I, reversed.v);
        if (v.is_exc()) return v;
      }
      if (v.is_undef()) return undefined_hint(I, "No last item, sequence was empty.");
      return v;
    };
    f["list"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      return call_builtin(ev.isolate(), "list", args[0]);
    };
    f["sort"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Value a[4];
      if (!bind(I, "sort", args, kw, {"value", "reverse", "case_sensitive", "attribute"}, a))
        return Value::exc();
      bool reverse = false, case_sensitive = false;
      if (!flag(I, a[1], false, reverse) || !flag(I, a[2], false, case_sensitive))
        return Value::exc();
      return sorted_by(ev, a[0], a[3], case_sensitive, reverse);
    };
    f["dictsort"] = [](Evaluator& ev, std::vector<Value>& args,
                       const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Value a[4];
      if (!bind(I, "dictsort", args, kw, {"value", "case_sensitive", "by", "reverse"}, a))
        return Value::exc();
      bool reverse = false, case_sensitive = false;
      if (!flag(I, a[1], false, case_sensitive) || !flag(I, a[3], false, reverse))
        return Value::exc();
      std::string by = "key";
      if (given(a[2]) && !arg_string(I, a[2], by, "by")) return Value::exc();
      if (by != "key" && by != "value")
        return raise(I, types().ValueError, "You can only sort by either \"key\" or \"value\"");
      Owned items(call_method(I, a[0], "items", nullptr, 0));
      if (items.v.is_exc()) return Value::exc();
      Owned pos(Value::integer(by == "key" ? 0 : 1));
      return sorted_by(ev, items.v, pos.v, case_sensitive, reverse);
    };
    f["sum"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Value a[3];
      if (!bind(I, "sum", args, kw, {"iterable", "attribute", "start"}, a)) return Value::exc();
      Owned list(call_builtin(I, "list", a[0]));
      if (list.v.is_exc()) return Value::exc();
      Value total = given(a[2]) ? (incref(a[2]), a[2]) : Value::integer(0);
      for (Value item : std::vector<Value>(as_list(list.v)->items)) {
        Value v = given(a[1]) ? get_path(ev, item, a[1]) : (incref(item), item);
        if (v.is_exc()) {
          decref(total);
          return v;
        }
        Value next = binary_op(I, kAdd, total, v);
        decref(v);
        decref(total);
        if (next.is_exc()) return next;
        total = next;
      }
      return total;
    };
    f["abs"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      return call_builtin(ev.isolate(), "abs", args[0]);
    };
    f["round"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Value a[3];
      if (!bind(I, "round", args, kw, {"value", "precision", "method"}, a)) return Value::exc();
      std::string method = "common";
      if (given(a[2]) && !arg_string(I, a[2], method, "method")) return Value::exc();
      if (method != "common" && method != "ceil" && method != "floor")
        return raise(I, template_error_type(), "method must be common, ceil or floor");
      Value precision = given(a[1]) ? a[1] : Value::integer(0);
      if (method == "common") {
        Value rargs[2] = {a[0], precision};
        return call(I, builtin("round"), rargs, 2);
      }
      Value scale = binary_op(I, kPow, Value::integer(10), precision);
      if (scale.is_exc()) return scale;
      Owned scale_owned(scale);
      Owned scaled(binary_op(I, kMul, a[0], scale));
      if (scaled.v.is_exc()) return Value::exc();
      double d = 0;
      if (!to_double(I, scaled.v, d)) return Value::exc();
      double r = method == "ceil" ? std::ceil(d) : std::floor(d);
      return binary_op(I, kTrueDiv, Value::real(r), scale);
    };
    f["int"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      return call_utils(ev.isolate(), "cint", args, kw);
    };
    f["flt"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      return call_utils(ev.isolate(), "flt", args, kw);
    };
    f["str"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      return call_utils(ev.isolate(), "cstr", args, kw);
    };
    f["float"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Value a[2];
      if (!bind(I, "float", args, kw, {"value", "default"}, a)) return Value::exc();
      Value r = call_builtin(I, "float", a[0]);
      if (!r.is_exc()) return r;
      if (I.uncatchable ||
          !(isinstance(I.pending, types().TypeError) || isinstance(I.pending, types().ValueError)))
        return r;
      Value p = I.pending;
      I.pending = Value();
      decref(p);
      if (a[1].is_undef()) return Value::real(0.0);
      incref(a[1]);
      return a[1];
    };
    f["string"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      if (is_markup(args[0])) {  // soft_str keeps a Markup
        incref(args[0]);
        return args[0];
      }
      return text_value(ev, args[0]);
    };
    f["safe"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      return mark_safe(ev.isolate(), args[0]);
    };
    f["e"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      return escape_markup(ev.isolate(), args[0]);
    };
    f["escape"] = f["e"];
    // Escapes a Markup's text again.
    f["forceescape"] = [](Evaluator& ev, std::vector<Value>& args,
                          const std::vector<std::string>&) {
      Owned s(text_value(ev, args[0]));
      if (s.v.is_exc()) return Value::exc();
      return escape_markup(ev.isolate(), s.v);
    };
    f["striptags"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      return strip_tags(ev.isolate(), args[0]);
    };
    f["format"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Owned s(text_value(ev, args[0]));
      if (s.v.is_exc()) return Value::exc();
      std::size_t npos = args.size() - kw.size();
      if (!kw.empty() && npos > 1)
        return raise(I, template_error_type(),
                     "can't handle positional and keyword arguments at the same time");
      Value operand;
      if (!kw.empty()) {
        Dict* d = alloc_dict(I);
        operand = Value::object(d);
        for (std::size_t i = 0; i < kw.size(); ++i) {
          Value key = new_str(I, kw[i]);
          bool ok = dict_set(I, d, key, args[npos + i]);
          decref(key);
          if (!ok) {
            decref(operand);
            return Value::exc();
          }
        }
      } else {
        operand = new_tuple_from(I, args.data() + 1, npos - 1);
      }
      // soft_str(value) % args: a Markup escapes the arguments.
      Value r = is_markup(args[0]) ? markup_binary(ev.isolate(), kMod, args[0], operand)
                                   : percent_format(I, as_str(s.v), operand);
      decref(operand);
      return r;
    };
    f["json"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Owned frappe(ev.lookup("frappe"));
      if (frappe.v.is_exc()) return Value::exc();
      Owned as_json(ev.get_attribute(frappe.v, "as_json"));
      if (as_json.v.is_exc()) return Value::exc();
      Tuple* kwt = nullptr;
      Value kwv;
      if (!kw.empty()) {
        kwt = alloc_tuple(I, kw.size());
        for (std::size_t i = 0; i < kw.size(); ++i) kwt->items()[i] = new_str(I, kw[i]);
        kwv = Value::object(kwt);
      }
      Value r = call(I, as_json.v, args.data(), args.size() - kw.size(), kwt);
      decref(kwv);
      return r;
    };
    f["center"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Value a[2];
      if (!bind(ev.isolate(), "center", args, kw, {"value", "width"}, a)) return Value::exc();
      Owned s(text_value(ev, a[0]));
      if (s.v.is_exc()) return Value::exc();
      Value width = given(a[1]) ? a[1] : Value::integer(80);
      return markup_if(ev.isolate(), is_markup(a[0]),
                       call_method(ev.isolate(), s.v, "center", &width, 1));
    };
    f["reverse"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      Isolate& I = ev.isolate();
      Value step_args[3] = {Value::none(), Value::none(), Value::integer(-1)};
      Owned sl(call(I, builtin("slice"), step_args, 3));
      if (is_str(args[0])) return markup_if(I, is_markup(args[0]), get_item(I, args[0], sl.v));
      // reversed(value) (a list's is a list_reverseiterator), else a reversed list.
      if (is_list(args[0])) return list_reverse_iterator(I, args[0]);
      Value r = call_builtin(I, "reversed", args[0]);
      if (!r.is_exc()) return r;
      if (!clear_type_error(I)) return r;
      Owned list(call_builtin(I, "list", args[0]));
      if (list.v.is_exc()) return Value::exc();
      return get_item(I, list.v, sl.v);
    };
    auto min_max = [](const char* which) {
      return [which](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
        Isolate& I = ev.isolate();
        Value a[3];
        if (!bind(I, which, args, kw, {"value", "case_sensitive", "attribute"}, a))
          return Value::exc();
        bool case_sensitive = false;
        if (!flag(I, a[1], false, case_sensitive)) return Value::exc();
        Owned sorted(sorted_by(ev, a[0], a[2], case_sensitive, std::string(which) == "max"));
        if (sorted.v.is_exc()) return Value::exc();
        const auto& items = as_list(sorted.v)->items;
        if (items.empty()) {
          return undefined_hint(I, std::string("No aggregated item, sequence was empty."));
        }
        Value v = items.front();
        incref(v);
        return v;
      };
    };
    f["min"] = min_max("min");
    f["max"] = min_max("max");
    f["items"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      Isolate& I = ev.isolate();
      if (is_undefined(args[0])) {
        Owned none(new_tuple_from(I, nullptr, 0));
        return template_generator(I, "do_items", none.v);
      }
      if (!is_dict(args[0]) && !is_attr_dict(args[0])) {
        return failing_generator(I, "do_items", "Can only get item pairs from a mapping.");
      }
      Owned items(call_method(I, args[0], "items", nullptr, 0));
      if (items.v.is_exc()) return Value::exc();
      return template_generator(I, "do_items", items.v);
    };
    f["attr"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      std::string name;
      if (args.size() != 2 || !arg_string(ev.isolate(), args[1], name, "name")) {
        if (!ev.isolate().pending.is_undef()) return Value::exc();
        return raise(ev.isolate(), types().TypeError, "attr() takes the attribute name");
      }
      return ev.get_attribute(args[0], name);
    };
    f["map"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>& kw) {
      Isolate& I = ev.isolate();
      Owned list(call_builtin(I, "list", args[0]));
      if (list.v.is_exc()) return Value::exc();
      std::vector<Value> out;
      ReleaseAll release{out};
      Value attribute, fallback;
      for (std::size_t i = 0; i < kw.size(); ++i) {
        Value v = args[args.size() - kw.size() + i];
        if (kw[i] == "attribute")
          attribute = v;
        else if (kw[i] == "default")
          fallback = v;
        else
          return raise(I, types().TypeError, "map() got an unexpected keyword '" + kw[i] + "'");
      }
      std::size_t npos = args.size() - kw.size();
      if (attribute.is_undef() && npos < 2)
        return raise(I, types().TypeError, "map requires a filter argument");
      std::string filter_name;
      if (attribute.is_undef() && !arg_string(I, args[1], filter_name, "filter"))
        return Value::exc();
      if (attribute.is_undef() && !has_filter(filter_name))
        return raise(I, template_error_type(), "No filter named '" + filter_name + "'.");
      for (Value item : std::vector<Value>(as_list(list.v)->items)) {
        Value v;
        if (!attribute.is_undef()) {
          v = get_path(ev, item, attribute, fallback);
        } else {
          std::vector<Value> fargs{item};
          for (std::size_t k = 2; k < npos; ++k) fargs.push_back(args[k]);
          v = apply_filter(ev, filter_name, fargs, {});
        }
        if (v.is_exc()) return v;
        out.push_back(v);
      }
      Owned mapped(new_list_from(I, out.data(), out.size()));
      return template_generator(I, "sync_do_map", mapped.v);
    };
    auto select = [](bool keep_true, bool by_attribute) {
      return [keep_true, by_attribute](Evaluator& ev, std::vector<Value>& args,
                                       const std::vector<std::string>& kw) {
        Isolate& I = ev.isolate();
        if (!kw.empty()) return raise(I, types().TypeError, "select filters take no keywords");
        std::size_t at = 1;
        Value attribute;
        if (by_attribute) {
          if (args.size() < 2) return raise(I, types().TypeError, "missing the attribute name");
          attribute = args[at++];
        }
        std::string test_name;
        if (at < args.size() && !arg_string(I, args[at++], test_name, "test")) return Value::exc();
        if (!test_name.empty() && !has_test(test_name))
          return raise(I, template_error_type(), "No test named '" + test_name + "'.");
        Owned list(call_builtin(I, "list", args[0]));
        if (list.v.is_exc()) return Value::exc();
        std::vector<Value> out;
        for (Value item : std::vector<Value>(as_list(list.v)->items)) {
          Value v = by_attribute ? get_path(ev, item, attribute) : (incref(item), item);
          if (v.is_exc()) {
            for (Value o : out) decref(o);
            return v;
          }
          int t;
          if (test_name.empty()) {
            t = truthy(I, v);
          } else {
            std::vector<Value> targs{v};
            for (std::size_t k = at; k < args.size(); ++k) targs.push_back(args[k]);
            t = apply_test(ev, test_name, targs, {});
          }
          decref(v);
          if (t < 0) {
            for (Value o : out) decref(o);
            return Value::exc();
          }
          if (static_cast<bool>(t) == keep_true) {
            incref(item);
            out.push_back(item);
          }
        }
        Owned kept(new_list_from(I, out.data(), out.size()));
        for (Value o : out) decref(o);
        return template_generator(I, "select_or_reject", kept.v);
      };
    };
    f["select"] = select(true, false);
    f["reject"] = select(false, false);
    f["selectattr"] = select(true, true);
    f["rejectattr"] = select(false, true);
    f["batch"] = batch_filter;
    f["truncate"] = truncate_filter;
    f["indent"] = indent_filter;
    f["tojson"] = tojson_filter;
    f["filesizeformat"] = filesizeformat_filter;
    f["urlencode"] = urlencode_filter;
    f["wordcount"] = wordcount_filter;
    f["xmlattr"] = xmlattr_filter;
    f["random"] = random_filter;
    f["slice"] = slice_filter;
    f["groupby"] = groupby_filter;
    f["unique"] = [](Evaluator& ev, std::vector<Value>& args, const std::vector<std::string>&) {
      Isolate& I = ev.isolate();
      Owned list(call_builtin(I, "list", args[0]));
      if (list.v.is_exc()) return Value::exc();
      std::vector<Value> out, seen;
      for (Value item : as_list(list.v)->items) {
        Value key = is_str(item) ? call_method(I, item, "lower", nullptr, 0) : (incref(item), item);
        if (key.is_exc()) return key;
        bool dup = false;
        for (Value s : seen) {
          int e = equals(I, s, key);
          if (e < 0) {
            decref(key);
            for (Value x : seen) decref(x);
            return Value::exc();
          }
          if (e) dup = true;
        }
        if (dup) {
          decref(key);
          continue;
        }
        seen.push_back(key);
        out.push_back(item);
      }
      for (Value x : seen) decref(x);
      return new_list_from(I, out.data(), out.size());
    };
    return f;
  }();
  return table;
}

// ------------------------------------------------------------------ tests

using Test = std::function<int(Evaluator&, std::vector<Value>&)>;

int compare_test(Evaluator& ev, std::vector<Value>& args, int op) {
  if (args.size() < 2) {
    raise(ev.isolate(), types().TypeError, "the test needs a value to compare with");
    return -1;
  }
  Value r = compare_op(ev.isolate(), op, args[0], args[1]);
  if (r.is_exc()) return -1;
  int t = truthy(ev.isolate(), r);
  decref(r);
  return t;
}

const std::map<std::string, Test, std::less<>>& tests() {
  static const std::map<std::string, Test, std::less<>> table = [] {
    std::map<std::string, Test, std::less<>> t;
    t["defined"] = [](Evaluator&, std::vector<Value>& a) { return is_undefined(a[0]) ? 0 : 1; };
    t["undefined"] = [](Evaluator&, std::vector<Value>& a) { return is_undefined(a[0]) ? 1 : 0; };
    t["none"] = [](Evaluator&, std::vector<Value>& a) { return a[0].is_none() ? 1 : 0; };
    t["boolean"] = [](Evaluator&, std::vector<Value>& a) { return a[0].is_bool() ? 1 : 0; };
    t["true"] = [](Evaluator&, std::vector<Value>& a) { return a[0].is_bool() && a[0].b ? 1 : 0; };
    t["false"] = [](Evaluator&, std::vector<Value>& a) {
      return a[0].is_bool() && !a[0].b ? 1 : 0;
    };
    t["integer"] = [](Evaluator&, std::vector<Value>& a) {
      return a[0].is_int() || is_kind(a[0], Kind::BigInt) ? 1 : 0;
    };
    t["float"] = [](Evaluator&, std::vector<Value>& a) { return a[0].is_float() ? 1 : 0; };
    t["number"] = [](Evaluator&, std::vector<Value>& a) {
      return a[0].is_bool() || is_number(a[0]) ? 1 : 0;
    };
    t["string"] = [](Evaluator&, std::vector<Value>& a) { return is_str(a[0]) ? 1 : 0; };
    t["mapping"] = [](Evaluator&, std::vector<Value>& a) {
      return is_dict(a[0]) || is_attr_dict(a[0]) ? 1 : 0;
    };
    t["iterable"] = [](Evaluator& ev, std::vector<Value>& a) {
      Isolate& I = ev.isolate();
      Value it = get_iter(I, a[0]);
      if (!it.is_exc()) {
        decref(it);
        return 1;
      }
      if (I.uncatchable || !isinstance(I.pending, types().TypeError)) return -1;
      Value p = I.pending;
      I.pending = Value();
      decref(p);
      return 0;
    };
    t["sequence"] = [](Evaluator& ev, std::vector<Value>& a) {
      Isolate& I = ev.isolate();
      std::int64_t n = 0;
      if (length(I, a[0], n)) {
        return is_str(a[0]) || is_list(a[0]) || is_tuple(a[0]) || is_dict(a[0]) ||
                       is_attr_dict(a[0]) || is_kind(a[0], Kind::Range) ||
                       is_kind(a[0], Kind::Bytes)
                   ? 1
                   : 0;
      }
      if (I.uncatchable) return -1;
      Value p = I.pending;
      I.pending = Value();
      decref(p);
      return 0;
    };
    t["callable"] = [](Evaluator& ev, std::vector<Value>& a) {
      Value r = call_builtin(ev.isolate(), "callable", a[0]);
      if (r.is_exc()) return -1;
      return r.is_bool() && r.b ? 1 : 0;
    };
    auto parity = [](int want) {
      return [want](Evaluator& ev, std::vector<Value>& a) {
        Value r = binary_op(ev.isolate(), kMod, a[0], Value::integer(2));
        if (r.is_exc()) return -1;
        int e = equals(ev.isolate(), r, Value::integer(want));
        decref(r);
        return e;
      };
    };
    t["even"] = parity(0);
    t["odd"] = parity(1);
    t["divisibleby"] = [](Evaluator& ev, std::vector<Value>& a) {
      if (a.size() < 2) {
        raise(ev.isolate(), types().TypeError, "divisibleby needs a number");
        return -1;
      }
      Value r = binary_op(ev.isolate(), kMod, a[0], a[1]);
      if (r.is_exc()) return -1;
      int e = equals(ev.isolate(), r, Value::integer(0));
      decref(r);
      return e;
    };
    for (const char* n : {"eq", "equalto", "=="})
      t[n] = [](Evaluator& ev, std::vector<Value>& a) { return compare_test(ev, a, kEq); };
    for (const char* n : {"ne", "!="})
      t[n] = [](Evaluator& ev, std::vector<Value>& a) { return compare_test(ev, a, kNe); };
    for (const char* n : {"lt", "lessthan", "<"})
      t[n] = [](Evaluator& ev, std::vector<Value>& a) { return compare_test(ev, a, kLt); };
    for (const char* n : {"le", "<="})
      t[n] = [](Evaluator& ev, std::vector<Value>& a) { return compare_test(ev, a, kLe); };
    for (const char* n : {"gt", "greaterthan", ">"})
      t[n] = [](Evaluator& ev, std::vector<Value>& a) { return compare_test(ev, a, kGt); };
    for (const char* n : {"ge", ">="})
      t[n] = [](Evaluator& ev, std::vector<Value>& a) { return compare_test(ev, a, kGe); };
    t["in"] = [](Evaluator& ev, std::vector<Value>& a) {
      if (a.size() < 2) {
        raise(ev.isolate(), types().TypeError, "in needs a sequence");
        return -1;
      }
      return contains(ev.isolate(), a[1], a[0]);
    };
    t["sameas"] = [](Evaluator& ev, std::vector<Value>& a) {
      if (a.size() < 2) {
        raise(ev.isolate(), types().TypeError, "sameas needs a value");
        return -1;
      }
      Value x = a[0], y = a[1];
      if (x.tag != y.tag) return 0;
      if (x.is_obj()) return x.o == y.o ? 1 : 0;
      return x.is_none() || (x.is_bool() && x.b == y.b) || (x.is_int() && x.i == y.i) ? 1 : 0;
    };
    auto case_test = [](const char* method) {
      return [method](Evaluator& ev, std::vector<Value>& a) {
        Owned s(text_value(ev, a[0]));
        if (s.v.is_exc()) return -1;
        Value r = call_method(ev.isolate(), s.v, method, nullptr, 0);
        if (r.is_exc()) return -1;
        return r.is_bool() && r.b ? 1 : 0;
      };
    };
    t["lower"] = case_test("islower");
    t["upper"] = case_test("isupper");
    return t;
  }();
  return table;
}

}  // namespace

bool has_filter(std::string_view name) {
  return filters().find(name) != filters().end();
}

bool has_test(std::string_view name) {
  return tests().find(name) != tests().end();
}

Value apply_filter(Evaluator& ev, std::string_view name, std::vector<Value>& args,
                   const std::vector<std::string>& kwnames) {
  auto it = filters().find(name);
  if (it == filters().end()) {
    return raise(ev.isolate(), template_error_type(),
                 "No filter named '" + std::string(name) + "'.");
  }
  return it->second(ev, args, kwnames);
}

int apply_test(Evaluator& ev, std::string_view name, std::vector<Value>& args,
               const std::vector<std::string>& kwnames) {
  auto it = tests().find(name);
  if (it == tests().end()) {
    raise(ev.isolate(), template_error_type(), "No test named '" + std::string(name) + "'.");
    return -1;
  }
  if (!kwnames.empty()) {
    raise(ev.isolate(), types().TypeError, "tests take no keyword arguments");
    return -1;
  }
  return it->second(ev, args);
}

}  // namespace quire::scripting::jinja
