// orjson's dumps and loads (see frappe_orjson.h).
#include "scripting/frappe_orjson.h"

#include <algorithm>
#include <cmath>

#include "lang/lib/datetime.h"
#include "lang/lib/json.h"
#include "lang/sandbox/host.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_api.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// orjson's option bits (src/opt.rs).
enum : std::int64_t {
  kIndent2 = 1,
  kNaiveUtc = 1 << 1,
  kNonStrKeys = 1 << 2,
  kOmitMicroseconds = 1 << 3,
  kSerializeNumpy = 1 << 4,
  kSortKeys = 1 << 5,
  kStrictInteger = 1 << 6,
  kUtcZ = 1 << 7,
  kPassthroughSubclass = 1 << 8,
  kPassthroughDatetime = 1 << 9,
  kAppendNewline = 1 << 10,
  kPassthroughDataclass = 1 << 11,
  kMaxOpt = (1 << 12) - 1,
};

const std::pair<const char*, std::int64_t> kOptions[] = {
    {"OPT_APPEND_NEWLINE", kAppendNewline},
    {"OPT_INDENT_2", kIndent2},
    {"OPT_NAIVE_UTC", kNaiveUtc},
    {"OPT_NON_STR_KEYS", kNonStrKeys},
    {"OPT_OMIT_MICROSECONDS", kOmitMicroseconds},
    {"OPT_PASSTHROUGH_DATACLASS", kPassthroughDataclass},
    {"OPT_PASSTHROUGH_DATETIME", kPassthroughDatetime},
    {"OPT_PASSTHROUGH_SUBCLASS", kPassthroughSubclass},
    {"OPT_SERIALIZE_DATACLASS", 0},
    {"OPT_SERIALIZE_NUMPY", kSerializeNumpy},
    {"OPT_SERIALIZE_UUID", 0},
    {"OPT_SORT_KEYS", kSortKeys},
    {"OPT_STRICT_INTEGER", kStrictInteger},
    {"OPT_UTC_Z", kUtcZ},
};

constexpr int kMaxDepth = 254;

Type* encode_error() {
  static Type* t = host::define_exception("orjson.JSONEncodeError", types().TypeError);
  return t;
}

Type* decode_error() {
  static Type* t = host::define_exception("orjson.JSONDecodeError", json::decode_error_type());
  return t;
}

bool is_temporal(const Type* t) {
  return is_subtype(t, datetime::date_type()) || is_subtype(t, datetime::time_type());
}

struct Encoder {
  Isolate& I;
  Value default_fn;
  std::int64_t opt;
  std::string out;

  bool fail(const std::string& message) {
    raise(I, encode_error(), message);
    return false;
  }

  void newline(int depth) {
    if (!(opt & kIndent2)) return;
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
  }

  // RFC 3339 text of a date, time or datetime (from its isoformat str()).
  bool temporal(Value v, std::string& text) {
    std::string s;
    if (!str_into(I, v, s)) return false;
    const Type* t = type_of(v);
    bool is_datetime = is_subtype(t, datetime::datetime_type());
    bool is_time = !is_datetime && is_subtype(t, datetime::time_type());
    if (is_datetime && s.size() > 10) s[10] = 'T';
    std::size_t clock = is_datetime ? 11 : 0;
    if (!is_datetime && !is_time) {
      text = s;  // a date
      return true;
    }
    // The offset starts at the first '+' or '-' after the clock.
    std::size_t offset = s.find_first_of("+-", clock + 1);
    std::string base = s.substr(0, offset);
    std::string zone = offset == std::string::npos ? "" : s.substr(offset);
    if (is_time && !zone.empty()) {
      fail("datetime.time must not have tzinfo");
      return false;
    }
    if (opt & kOmitMicroseconds) base = base.substr(0, base.find('.'));
    if (zone.empty() && is_datetime && (opt & kNaiveUtc)) zone = "+00:00";
    if (zone == "+00:00" && (opt & kUtcZ)) zone = "Z";
    text = base + zone;
    return true;
  }

  bool number(Value v) {
    if (v.is_float()) {
      double d = v.f;
      if (std::isnan(d) || std::isinf(d)) {
        out += "null";
        return true;
      }
      std::string r = float_repr(d);
      std::size_t e = r.find('e');
      if (e != std::string::npos) {
        std::string mantissa = r.substr(0, e), exponent = r.substr(e + 1);
        std::string sign = exponent[0] == '-' ? "-" : "";
        std::size_t digits = exponent.find_first_not_of("+-0");
        r = mantissa + "e" + sign + (digits == std::string::npos ? "0" : exponent.substr(digits));
      }
      out += r;
      return true;
    }
    std::string text;
    if (!str_into(I, v, text)) return false;
    // Within 64 bits (signed or unsigned), or 53 with OPT_STRICT_INTEGER.
    bool negative = !text.empty() && text[0] == '-';
    std::string digits = negative ? text.substr(1) : text;
    const std::string limit = (opt & kStrictInteger) ? "9007199254740991"
                              : negative             ? "9223372036854775808"
                                                     : "18446744073709551615";
    bool too_big =
        digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit);
    if (too_big)
      return fail((opt & kStrictInteger) ? "Integer exceeds 53-bit range"
                                         : "Integer exceeds 64-bit range");
    out += text;
    return true;
  }

  bool key_text(Value k, std::string& key) {
    if (is_str(k)) {
      key = std::string(as_str(k)->view());
      return true;
    }
    if (!(opt & kNonStrKeys)) return fail("Dict key must be str");
    if (k.is_none())
      key = "null";
    else if (k.is_bool())
      key = k.b ? "true" : "false";
    else if (is_temporal(type_of(k)))
      return temporal(k, key);
    else if (k.is_float() || is_subtype(type_of(k), types().int_)) {
      std::string saved;
      saved.swap(out);
      bool ok = number(k);
      saved.swap(out);
      key = saved;
      return ok;
    } else {
      return fail("Dict key must a type serializable with OPT_NON_STR_KEYS");
    }
    return true;
  }

  bool mapping(const Dict* d, int depth) {
    std::vector<std::pair<std::string, Value>> items;
    for (const auto& e : d->table.entries) {
      if (e.key.is_undef()) continue;
      std::string key;
      if (!key_text(e.key, key)) return false;
      items.emplace_back(std::move(key), e.value);
    }
    if (opt & kSortKeys)
      std::stable_sort(items.begin(), items.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
    out += '{';
    bool first = true;
    for (const auto& [key, value] : items) {
      if (!first) out += ',';
      first = false;
      newline(depth + 1);
      out += json::quote(key, false);
      out += (opt & kIndent2) ? ": " : ":";
      if (!write(value, depth + 1, 0)) return false;
    }
    if (!items.empty()) newline(depth);
    out += '}';
    return true;
  }

  bool sequence(const Value* items, std::size_t n, int depth) {
    out += '[';
    for (std::size_t i = 0; i < n; ++i) {
      if (i) out += ',';
      newline(depth + 1);
      if (!write(items[i], depth + 1, 0)) return false;
    }
    if (n) newline(depth);
    out += ']';
    return true;
  }

  bool write(Value v, int depth, int default_calls) {
    if (depth > kMaxDepth) return fail("Recursion limit reached");
    const Type* t = type_of(v);
    if (v.is_none()) {
      out += "null";
      return true;
    }
    if (v.is_bool()) {
      out += v.b ? "true" : "false";
      return true;
    }
    if (v.is_float() || is_subtype(t, types().int_) || is_subtype(t, types().float_)) {
      if (!v.is_float() && is_subtype(t, types().float_)) {
        double d = 0;
        if (!to_double(I, v, d)) return false;
        return number(Value::real(d));
      }
      return number(v);
    }
    if (is_str(v)) {
      out += json::quote(as_str(v)->view(), false);
      return true;
    }
    if (is_list(v)) return sequence(as_list(v)->items.data(), as_list(v)->items.size(), depth);
    if (is_tuple(v)) return sequence(as_tuple(v)->items(), as_tuple(v)->size, depth);
    if (is_dict(v)) return mapping(as_dict(v), depth);
    if (is_attr_dict(v)) return mapping(attr_dict_table(I, v), depth);
    if (is_temporal(t) && !(opt & kPassthroughDatetime)) {
      std::string text;
      if (!temporal(v, text)) return false;
      out += '"' + text + '"';
      return true;
    }
    std::string name = host::public_class(const_cast<Type*>(t))->name;
    if (!given(default_fn)) return fail("Type is not JSON serializable: " + name);
    if (default_calls >= kMaxDepth) return fail("default serializer exceeds recursion limit");
    Value r = call(I, default_fn, &v, 1, nullptr);
    if (r.is_exc()) {
      I.pending = Value();
      return fail("Type is not JSON serializable: " + name);
    }
    bool ok = write(r, depth, default_calls + 1);
    decref(r);
    return ok;
  }
};

// dumps(obj, default=None, option=None) into `out`; false with the exception pending.
bool dumps_into(Isolate& I, Value obj, Value default_fn, Value option, std::string& out) {
  std::int64_t opt = 0;
  if (given(option)) {
    if (!is_subtype(type_of(option), types().int_) || option.is_bool() ||
        !to_int64(I, option, opt, "option") || opt < 0 || opt > kMaxOpt) {
      I.pending = Value();
      raise(I, encode_error(), "Invalid opts");
      return false;
    }
  }
  if (given(default_fn) && truthy(I, default_fn) > 0) {
    Value probe = type_lookup(type_of(default_fn), "__call__");
    bool callable = is_kind(default_fn, Kind::Function) || is_kind(default_fn, Kind::Native) ||
                    is_kind(default_fn, Kind::BoundMethod) || is_kind(default_fn, Kind::Type) ||
                    !probe.is_undef();
    if (!callable) {
      raise(I, encode_error(), "default must be a callable");
      return false;
    }
  }
  Encoder e{I, given(default_fn) ? default_fn : Value(), opt, {}};
  if (!e.write(obj, 0, 0)) return false;
  if (opt & kAppendNewline) e.out += '\n';
  out = std::move(e.out);
  return true;
}

QUIRE_NATIVE(o_dumps) {
  Value a[3];
  if (!parse_args(I, "dumps", args, nargs, kwnames, {"obj", "default", "option"}, 1, a))
    return Value::exc();
  std::string out;
  if (!dumps_into(I, a[0], a[1], a[2], out)) return Value::exc();
  return new_bytes(I, out);
}

// NaN and the infinities are not JSON for orjson.
QUIRE_NATIVE(o_refuse_constant) {
  std::string name;
  if (nargs) str_into(I, args[0], name);
  return raise(I, decode_error(), "unexpected character: " + name);
}

QUIRE_NATIVE(o_loads) {
  if (nargs != 1 || kwnames)
    return raise(I, types().TypeError, "loads() takes exactly one positional argument");
  std::string_view text;
  if (is_str(args[0])) {
    text = as_str(args[0])->view();
  } else if (is_kind(args[0], Kind::Bytes)) {
    text = static_cast<Bytes*>(args[0].o)->view();
  } else {
    return raise(I, decode_error(), "Input must be bytes, bytearray, memoryview, or str");
  }
  json::LoadOptions o;
  Value refuse = new_native(I, o_refuse_constant, "parse_constant");
  o.parse_constant = refuse;
  Value r = json::load_text(I, text, o, is_str(args[0]) ? args[0] : Value());
  decref(refuse);
  if (!r.is_exc()) return r;
  // json's JSONDecodeError (or a UnicodeDecodeError of bytes) as orjson's.
  Value exc = I.pending;
  if (isinstance(exc, decode_error())) return r;
  std::string message = exception_line(I, exc);
  std::size_t colon = message.find(": ");
  if (colon != std::string::npos) message = message.substr(colon + 2);
  I.pending = Value();
  decref(exc);
  return raise(I, decode_error(), message);
}

// frappe.utils.orjson_dumps(obj, default=json_handler, option=None, decode=True).
QUIRE_NATIVE(u_orjson_dumps) {
  Value a[4];
  if (!parse_args(I, "orjson_dumps", args, nargs, kwnames, {"obj", "default", "option", "decode"},
                  1, a))
    return Value::exc();
  Value handler = a[1].is_undef() ? new_native(I, json_handler, "json_handler") : Value();
  std::string out;
  bool ok = dumps_into(I, a[0], handler.is_undef() ? a[1] : handler, a[2], out);
  if (!handler.is_undef()) decref(handler);
  if (!ok) return Value::exc();
  bool decode = true;
  if (!opt_bool(I, a[3], decode, true)) return Value::exc();
  return decode ? new_str(I, out) : new_bytes(I, out);
}

}  // namespace

Value make_orjson_module(Isolate& I) {
  Value m = host::new_module(I, "orjson");
  bool ok = host::module_add_function(I, m, "dumps", o_dumps) &&
            host::module_add_function(I, m, "loads", o_loads) &&
            host::module_set(I, m, "JSONEncodeError", Value::object(encode_error())) &&
            host::module_set(I, m, "JSONDecodeError", Value::object(decode_error()));
  for (const auto& [name, value] : kOptions) {
    ok = ok && host::module_set(I, m, name, Value::integer(value));
  }
  if (!ok) {
    decref(m);
    return Value::exc();
  }
  return m;
}

void add_orjson_functions(Type* utils) {
  encode_error();
  decode_error();
  host::define_method(utils, "orjson_dumps", u_orjson_dumps);
}

}  // namespace quire::scripting
