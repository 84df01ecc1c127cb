// Jinja's Undefined as a value of the language: what a template gets for a
// name, attribute or element that does not exist. Frappe's environment uses
// DebugUndefined, so printing one shows what was missing ("{{ x }}",
// "{{ no such element: dict object['k'] }}"); it is falsy, empty when
// iterated, and using it otherwise (an attribute, a call, arithmetic)
// raises jinja2's UndefinedError with Jinja's message.
// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <cstring>

#include "lang/sandbox/host.h"
#include "scripting/attr_dict.h"
#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"

namespace quire::scripting::jinja {

using namespace quire::lang;

namespace {

// The payload: short texts (long names are cut; only messages use them).
struct Info {
  enum Kind : std::uint8_t { kName, kElement, kHint } kind = kName;
  bool silent = false;    // the base Undefined (prints nothing)
  bool security = false;  // raises SecurityError (an unsafe attribute)
  bool str_key = false;   // kElement: the missing key is a str (an attribute)
  char text[200] = {};    // the name, the key's repr, or the hint
  char owner[64] = {};    // kElement: "dict object"
};

void copy(char* dst, std::size_t cap, std::string_view src) {
  std::size_t n = std::min(src.size(), cap - 1);
  std::memcpy(dst, src.data(), n);
  dst[n] = '\0';
}

const host::ValueType& undefined_type() {
  static const host::ValueType t = host::define_value_type("Undefined");
  return t;
}

bool info_of(Value v, Info& out) {
  return host::payload_as(v, undefined_type().type, out);
}

std::string message_of(const Info& u) {
  switch (u.kind) {
    case Info::kName:
      return "'" + std::string(u.text) + "' is undefined";
    case Info::kElement:
      if (!u.str_key) return std::string(u.owner) + " has no element " + u.text;
      return "'" + std::string(u.owner) + "' has no attribute " + u.text;
    case Info::kHint:
      return u.text;
  }
  return "";
}

std::string debug_text(const Info& u) {
  if (u.silent) return "";
  switch (u.kind) {
    case Info::kName:
      return std::string("{{ ") + u.text + " }}";
    case Info::kElement:
      return std::string("{{ no such element: ") + u.owner + "[" + u.text + "] }}";
    case Info::kHint:
      return std::string("{{ undefined value printed: ") + u.text + " }}";
  }
  return "";
}

// jinja2.utils.object_type_repr.
std::string object_type_repr(Value obj) {
  if (obj.is_none()) return "None";
  if (is_attr_dict(obj)) return "frappe._dict object";
  return type_name(obj) + " object";
}

Value new_undefined(Isolate& I, const Info& info) {
  return host::new_value(I, undefined_type(), info);
}

QUIRE_NATIVE(u_str) {
  Info u;
  if (nargs < 1 || !info_of(args[0], u)) return raise(I, types().TypeError, "expected Undefined");
  return new_str(I, debug_text(u));
}

QUIRE_NATIVE(u_repr) {
  (void)I;
  return new_str(I, "Undefined");
}

QUIRE_NATIVE(u_false) {
  (void)I;
  return Value::boolean(false);
}

QUIRE_NATIVE(u_len) {
  (void)I;
  return Value::integer(0);
}

QUIRE_NATIVE(u_iter) {
  Value empty = new_tuple_from(I, nullptr, 0);
  Value it = get_iter(I, empty);
  decref(empty);
  return it;
}

QUIRE_NATIVE(u_eq) {
  (void)I;
  return Value::boolean(nargs == 2 && is_undefined(args[1]));
}

QUIRE_NATIVE(u_ne) {
  (void)I;
  return Value::boolean(!(nargs == 2 && is_undefined(args[1])));
}

QUIRE_NATIVE(u_hash) {
  (void)I;
  return Value::integer(0x5eed);
}

QUIRE_NATIVE(u_fail) {
  return raise_undefined(I, args[0]);
}

const host::ValueType& registered() {
  static const host::ValueType& t = []() -> const host::ValueType& {
    const host::ValueType& u = undefined_type();
    host::define_special(u, "__str__", u_str);
    host::define_special(u, "__repr__", u_repr);
    host::define_special(u, "__bool__", u_false);
    host::define_special(u, "__len__", u_len);
    host::define_special(u, "__iter__", u_iter);
    host::define_special(u, "__eq__", u_eq);
    host::define_special(u, "__ne__", u_ne);
    host::define_special(u, "__hash__", u_hash);
    for (const char* op :
         {"__add__",     "__radd__",    "__sub__",      "__rsub__",     "__mul__",
          "__rmul__",    "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__",
          "__mod__",     "__rmod__",    "__pow__",      "__rpow__",     "__neg__",
          "__pos__",     "__lt__",      "__le__",       "__gt__",       "__ge__",
          "__getitem__", "__call__",    "__getattr__",  "__int__",      "__float__"}) {
      host::define_special(u, op, u_fail);
    }
    return u;
  }();
  return t;
}

}  // namespace

lang::Type* template_error_type() {
  static Type* const t = host::define_exception("jinja2.exceptions.TemplateError");
  return t;
}

lang::Type* template_syntax_error_type() {
  static Type* const t =
      host::define_exception("jinja2.exceptions.TemplateSyntaxError", template_error_type());
  return t;
}

namespace {

Type* undefined_error_type() {
  static Type* const t =
      host::define_exception("jinja2.exceptions.UndefinedError", template_error_type());
  return t;
}

Type* security_error_type() {
  static Type* const t =
      host::define_exception("jinja2.exceptions.SecurityError", template_error_type());
  return t;
}

}  // namespace

bool is_undefined(Value v) {
  return v.is_obj() && isinstance(v, undefined_type().type);
}

Value undefined_name(Isolate& I, std::string_view name) {
  registered();
  Info u;
  u.kind = Info::kName;
  copy(u.text, sizeof u.text, name);
  return new_undefined(I, u);
}

Value undefined_element(Isolate& I, Value obj, Value key) {
  registered();
  Info u;
  u.kind = Info::kElement;
  u.str_key = is_str(key);
  std::string text;
  if (!repr_into(I, key, text)) return Value::exc();
  copy(u.text, sizeof u.text, text);
  copy(u.owner, sizeof u.owner, object_type_repr(obj));
  return new_undefined(I, u);
}

Value undefined_hint(Isolate& I, std::string_view hint, bool silent, bool security) {
  registered();
  Info u;
  u.kind = Info::kHint;
  u.silent = silent;
  u.security = security;
  copy(u.text, sizeof u.text, hint);
  return new_undefined(I, u);
}

Value raise_undefined(Isolate& I, Value undefined) {
  Info u;
  if (!info_of(undefined, u)) return raise(I, types().TypeError, "expected Undefined");
  return raise(I, u.security ? security_error_type() : undefined_error_type(), message_of(u));
}

}  // namespace quire::scripting::jinja
