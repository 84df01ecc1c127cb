// The `json` module object: json.loads / json.dumps argument handling as
// CPython 3.11's json/__init__.py does it, over the encoder and decoder.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <string>

#include "lang/lib/json.h"
#include "lang/sandbox/catalog.h"
#include "lang/sandbox/host.h"

namespace quire::lang::json {

namespace {

// Keyword arguments by name; `names` lists the accepted ones in order.
// Unknown keywords get the message CPython's JSONEncoder/JSONDecoder give.
bool keywords(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
              std::initializer_list<const char*> names, const char* init_name, Value* out) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < names.size(); ++k) out[k] = Value();
  std::size_t nkw = kwnames ? kwnames->size : 0;
  for (std::size_t k = 0; k < nkw; ++k) {
    std::string_view name = as_str(kwnames->items()[k])->view();
    i = 0;
    bool found = false;
    for (const char* n : names) {
      if (name == n) {
        out[i] = args[nargs + k];
        found = true;
        break;
      }
      ++i;
    }
    if (!found) {
      raise(I, types().TypeError,
            std::string(init_name) + "() got an unexpected keyword argument '" + std::string(name) +
                "'");
      return false;
    }
  }
  return true;
}

bool one_positional(Isolate& I, const char* fname, std::size_t nargs) {
  if (nargs == 1) return true;
  if (nargs == 0) {
    raise(I, types().TypeError,
          std::string(fname) + "() missing 1 required positional argument: '" +
              (fname[0] == 'd' ? "obj" : "s") + "'");
  } else {
    raise(I, types().TypeError,
          std::string(fname) + "() takes 1 positional argument but " + std::to_string(nargs) +
              " were given");
  }
  return false;
}

int flag(Isolate& I, Value v, bool fallback) {
  if (v.is_undef()) return fallback;
  return truthy(I, v);
}

Value none_to_undef(Value v) {
  return v.is_none() ? Value() : v;
}

bool separators_from(Isolate& I, Value v, DumpOptions& o) {
  if (v.is_undef() || v.is_none()) return true;
  Value it = get_iter(I, v);
  if (it.is_exc()) return false;
  std::string parts[2];
  int n = 0;
  while (true) {
    Value item = iter_next(I, it);
    if (item.is_exc()) {
      decref(it);
      return false;
    }
    if (item.is_undef()) break;
    if (n < 2 && is_str(item)) parts[n] = as_str(item)->view();
    bool bad = n >= 2 || !is_str(item);
    ++n;
    decref(item);
    if (bad) {
      decref(it);
      raise(I, types().ValueError,
            n > 2 ? "too many values to unpack (expected 2)"
                  : "make_encoder() argument 3 must be str");
      return false;
    }
  }
  decref(it);
  if (n < 2) {
    raise(I, types().ValueError,
          "not enough values to unpack (expected 2, got " + std::to_string(n) + ")");
    return false;
  }
  o.item_separator = parts[0];
  o.key_separator = parts[1];
  return true;
}

Value dumps(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  if (!one_positional(I, "dumps", nargs)) return Value::exc();
  enum { kSkip, kAscii, kCircular, kNan, kCls, kIndent, kSeparators, kDefault, kSort, kCount };
  Value kw[kCount];
  if (!keywords(I, args, nargs, kwnames,
                {"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent",
                 "separators", "default", "sort_keys"},
                "JSONEncoder.__init__", kw))
    return Value::exc();
  DumpOptions o;
  int f;
  if ((f = flag(I, kw[kSkip], false)) < 0) return Value::exc();
  o.skipkeys = f;
  if ((f = flag(I, kw[kAscii], true)) < 0) return Value::exc();
  o.ensure_ascii = f;
  if ((f = flag(I, kw[kCircular], true)) < 0) return Value::exc();
  o.check_circular = f;
  if ((f = flag(I, kw[kNan], true)) < 0) return Value::exc();
  o.allow_nan = f;
  if ((f = flag(I, kw[kSort], false)) < 0) return Value::exc();
  o.sort_keys = f;
  if (!kw[kCls].is_undef() && !kw[kCls].is_none())
    return raise(I, types().TypeError, "json.dumps: cls= is not supported");
  // JSONEncoder.encode returns a str argument before looking at the rest.
  if (is_str(args[0])) return new_str(I, quote(as_str(args[0])->view(), o.ensure_ascii));
  Value indent = kw[kIndent];
  if (!indent.is_undef() && !indent.is_none()) {
    o.has_indent = true;
    if (is_str(indent)) {
      o.indent = as_str(indent)->view();
    } else if (indent.is_int() || indent.is_bool()) {
      std::int64_t n = indent.is_bool() ? indent.b : indent.i;
      if (n > 0) o.indent.assign(static_cast<std::size_t>(std::min<std::int64_t>(n, 1 << 16)), ' ');
    } else {
      return raise(I, types().TypeError,
                   "can't multiply sequence by non-int of type '" + type_name(indent) + "'");
    }
    o.item_separator = ",";
  }
  if (!separators_from(I, kw[kSeparators], o)) return Value::exc();
  o.default_fn = none_to_undef(kw[kDefault]);
  std::string out;
  if (!dump_into(I, args[0], o, out)) return Value::exc();
  return new_str(I, out);
}

Value loads(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  if (!one_positional(I, "loads", nargs)) return Value::exc();
  enum { kCls, kHook, kFloat, kInt, kConstant, kPairs, kStrict, kCount };
  Value kw[kCount];
  if (!keywords(I, args, nargs, kwnames,
                {"cls", "object_hook", "parse_float", "parse_int", "parse_constant",
                 "object_pairs_hook", "strict"},
                "JSONDecoder.__init__", kw))
    return Value::exc();
  if (!kw[kCls].is_undef() && !kw[kCls].is_none())
    return raise(I, types().TypeError, "json.loads: cls= is not supported");
  LoadOptions o;
  o.object_hook = none_to_undef(kw[kHook]);
  o.parse_float = none_to_undef(kw[kFloat]);
  o.parse_int = none_to_undef(kw[kInt]);
  o.parse_constant = none_to_undef(kw[kConstant]);
  o.object_pairs_hook = none_to_undef(kw[kPairs]);
  int strict = flag(I, kw[kStrict], true);
  if (strict < 0) return Value::exc();
  o.strict = strict;
  Value s = args[0];
  if (is_str(s)) return load_text(I, as_str(s)->view(), o, s);
  if (is_kind(s, Kind::Bytes)) {
    // json.detect_encoding: only UTF-8 (with or without BOM) is supported here.
    std::string_view raw = static_cast<Bytes*>(s.o)->view();
    if (raw.substr(0, 3) == "\xef\xbb\xbf") raw.remove_prefix(3);
    return load_text(I, raw, o);
  }
  return raise(I, types().TypeError,
               "the JSON object must be str, bytes or bytearray, not " + type_name(s));
}

void describe_module() {
  catalog::describe("json", catalog::kModule, "",
                    "JSON encoder and decoder (CPython's json: loads and dumps).");
  catalog::describe(
      "json.dumps", catalog::kFunction,
      "(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, "
      "indent=None, separators=None, default=None, sort_keys=False)",
      "Serialize obj to a JSON formatted str.");
  catalog::describe("json.loads", catalog::kFunction,
                    "(s, *, object_hook=None, parse_float=None, parse_int=None, "
                    "parse_constant=None, object_pairs_hook=None, strict=True)",
                    "Deserialize s (a str or bytes holding a JSON document) to a Python object.");
  catalog::describe("json.JSONDecodeError", catalog::kException, "(msg, doc, pos)",
                    "Subclass of ValueError with the attributes msg, doc, pos, lineno, colno.");
}

}  // namespace

Type* decode_error_type() {
  static Type* type = [] {
    describe_module();
    return host::define_exception("json.decoder.JSONDecodeError", types().ValueError);
  }();
  return type;
}

Value make_module(Isolate& I) {
  Type* error = decode_error_type();
  Value m = host::new_module(I, "json");
  if (!host::module_add_function(I, m, "dumps", dumps) ||
      !host::module_add_function(I, m, "loads", loads) ||
      !host::module_set(I, m, "JSONDecodeError", Value::object(error))) {
    decref(m);
    return Value::exc();
  }
  return m;
}

}  // namespace quire::lang::json
