// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// int, float, bool and str constructors; number methods; parsing.

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "lang/lib/register.h"
#include "lang/lib/text_bridge.h"
#include "lang/object/bigint.h"
#include "lang/object/runtime.h"

namespace quire::lang {

namespace {

bool is_space_char(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_char(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Value int_from_string(Isolate& I, std::string_view text, int base) {
  std::string_view s = trim(text);
  auto invalid = [&]() {
    std::string r;
    repr_into(I, Value(), r);
    Value tv = new_str(I, text);
    std::string rep;
    repr_into(I, tv, rep);
    decref(tv);
    return raise(I, types().ValueError,
                 "invalid literal for int() with base " + std::to_string(base) + ": " + rep);
  };
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  int b = base;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      b = pb;
      s.remove_prefix(2);
      if (!s.empty() && s[0] == '_') s.remove_prefix(1);
    }
  }
  if (b == 0) {
    b = 10;
    if (s.size() > 1 && s[0] == '0') {
      for (char c : s)
        if (c != '0' && c != '_') return invalid();
    }
  }
  if (s.empty()) return invalid();
  std::string digits;
  bool prev_us = true;
  for (char c : s) {
    if (c == '_') {
      if (prev_us) return invalid();
      prev_us = true;
      continue;
    }
    prev_us = false;
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : std::isalpha(static_cast<unsigned char>(c))
                ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                : 99;
    if (d >= b) return invalid();
    digits += c;
  }
  if (prev_us) return invalid();
  if (digits.size() > 4300 && b == 10)
    return raise(I, types().ValueError,
                 "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                     std::to_string(digits.size()) +
                     " digits; use sys.set_int_max_str_digits() to increase the limit");
  if (digits.size() < 18 && b <= 16) {
    std::int64_t v = std::strtoll(digits.c_str(), nullptr, b);
    return Value::integer(neg ? -v : v);
  }
  return bigint_from_digits(I, digits, b, neg);
}

Value float_from_string(Isolate& I, std::string_view text) {
  std::string_view s = trim(text);
  std::string clean;
  bool ok = !s.empty();
  char prev = 0;
  for (std::size_t i = 0; i < s.size() && ok; ++i) {
    char c = s[i];
    if (c == '_') {
      if (!std::isdigit(static_cast<unsigned char>(prev)) || i + 1 >= s.size() ||
          !std::isdigit(static_cast<unsigned char>(s[i + 1])))
        ok = false;
    } else {
      clean += c;
    }
    prev = c;
  }
  std::string lower;
  for (char c : clean) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view body = lower;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  if (ok && (body == "inf" || body == "infinity")) return Value::real(neg ? -INFINITY : INFINITY);
  if (ok && body == "nan") return Value::real(neg ? -NAN : NAN);
  if (ok) {
    // Only decimal forms: digits, '.', exponent.
    for (char c : body)
      if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == '+' ||
            c == '-'))
        ok = false;
    if (body.empty() || body.find_first_of("0123456789") == std::string_view::npos) ok = false;
  }
  if (ok) {
    char* end = nullptr;
    errno = 0;
    double d = std::strtod(clean.c_str(), &end);
    if (end == clean.c_str() + clean.size()) return Value::real(d);
  }
  Value tv = new_str(I, text);
  std::string rep;
  repr_into(I, tv, rep);
  decref(tv);
  return raise(I, types().ValueError, "could not convert string to float: " + rep);
}

namespace {

Value t_int(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[2];
  if (!parse_args(I, "int", args, nargs, kw, {"x", "base"}, 0, a)) return Value::exc();
  if (a[0].is_undef()) return Value::integer(0);
  Value x = a[0];
  if (!a[1].is_undef()) {
    if (!is_str(x) && !is_kind(x, Kind::Bytes))
      return raise(I, types().TypeError, "int() can't convert non-string with explicit base");
    std::int64_t base;
    if (!to_int64(I, a[1], base, "base")) return Value::exc();
    if (base != 0 && (base < 2 || base > 36))
      return raise(I, types().ValueError, "int() base must be >= 2 and <= 36, or 0");
    return int_from_string(I, is_str(x) ? as_str(x)->view() : static_cast<Bytes*>(x.o)->view(),
                           static_cast<int>(base));
  }
  switch (x.tag) {
    case Tag::Int:
      return x;
    case Tag::Bool:
      return Value::integer(x.b);
    case Tag::Float: {
      if (std::isnan(x.f))
        return raise(I, types().ValueError, "cannot convert float NaN to integer");
      if (std::isinf(x.f))
        return raise(I, types().OverflowError, "cannot convert float infinity to integer");
      double t = std::trunc(x.f);
      if (std::fabs(t) < 9.2e18) return Value::integer(static_cast<std::int64_t>(t));
      return bigint_from_double(I, t);
    }
    default:
      break;
  }
  if (is_kind(x, Kind::BigInt)) {
    incref(x);
    return x;
  }
  if (is_str(x)) return int_from_string(I, as_str(x)->view(), 10);
  if (is_kind(x, Kind::Bytes)) return int_from_string(I, static_cast<Bytes*>(x.o)->view(), 10);
  if (is_kind(x, Kind::Instance) && static_cast<Instance*>(x.o)->cls->is_user) {
    for (const char* name : {"__int__", "__index__", "__trunc__"}) {
      Value fn = type_lookup(static_cast<Instance*>(x.o)->cls, name);
      if (!fn.is_undef()) return call1(I, fn, x);
    }
  }
  return raise(I, types().TypeError,
               "int() argument must be a string, a bytes-like object or a real number, not '" +
                   type_name(x) + "'");
}

Value t_float(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (kw && kw->size) return raise(I, types().TypeError, "float() takes no keyword arguments");
  if (nargs > 1)
    return raise(I, types().TypeError,
                 "float expected at most 1 argument, got " + std::to_string(nargs));
  if (nargs == 0) return Value::real(0.0);
  Value x = args[0];
  switch (x.tag) {
    case Tag::Float:
      return x;
    case Tag::Int:
      return Value::real(static_cast<double>(x.i));
    case Tag::Bool:
      return Value::real(x.b);
    default:
      break;
  }
  if (is_kind(x, Kind::BigInt)) {
    double d;
    if (!to_double(I, x, d)) return Value::exc();
    return Value::real(d);
  }
  if (is_str(x)) return float_from_string(I, as_str(x)->view());
  if (is_kind(x, Kind::Instance) && static_cast<Instance*>(x.o)->cls->is_user) {
    Value fn = type_lookup(static_cast<Instance*>(x.o)->cls, "__float__");
    if (!fn.is_undef()) return call1(I, fn, x);
  }
  return raise(I, types().TypeError,
               "float() argument must be a string or a real number, not '" + type_name(x) + "'");
}

Value t_str(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[3];
  if (!parse_args(I, "str", args, nargs, kw, {"object", "encoding", "errors"}, 0, a))
    return Value::exc();
  if (a[0].is_undef()) return new_str(I, "");
  if (!a[1].is_undef() && is_kind(a[0], Kind::Bytes))
    return new_str(I, static_cast<Bytes*>(a[0].o)->view());
  return to_str(I, a[0]);
}

Value t_bool(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (kw && kw->size) return raise(I, types().TypeError, "bool() takes no keyword arguments");
  if (nargs > 1)
    return raise(I, types().TypeError,
                 "bool expected at most 1 argument, got " + std::to_string(nargs));
  if (nargs == 0) return Value::boolean(false);
  int t = truthy(I, args[0]);
  if (t < 0) return Value::exc();
  return Value::boolean(t);
}

Value t_object(Isolate& I, Value*, std::size_t nargs, const Tuple*, void*) {
  if (nargs) return raise(I, types().TypeError, "object() takes no arguments");
  Instance* in = I.heap.make<Instance>();
  in->cls = types().object;
  return Value::object(in);
}

Value t_bytes(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs == 0) return new_bytes(I, "");
  if (is_str(args[0])) {
    if (nargs < 2) return raise(I, types().TypeError, "string argument without an encoding");
    return new_bytes(I, as_str(args[0])->view());
  }
  if (args[0].is_int()) {
    if (args[0].i < 0) return raise(I, types().ValueError, "negative count");
    if (!I.heap.would_fit(static_cast<std::size_t>(args[0].i)))
      return raise_no_args(I, types().MemoryError);
    return new_bytes(I, std::string(static_cast<std::size_t>(args[0].i), '\0'));
  }
  return raise(I, types().TypeError, "cannot convert '" + type_name(args[0]) + "' object to bytes");
}

Value f_is_integer(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1) return raise(I, types().TypeError, "is_integer() takes no arguments");
  double d = a[0].f;
  return Value::boolean(std::isfinite(d) && d == std::floor(d));
}

Value i_bit_length(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "int.bit_length() takes no arguments (" + std::to_string(n - 1) + " given)");
  return int_bit_length(I, a[0]);
}

Value i_bit_count(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "int.bit_count() takes no arguments (" + std::to_string(n - 1) + " given)");
  return int_bit_count(I, a[0]);
}

Value num_conjugate(Isolate&, Value* a, std::size_t, const Tuple*, void*) {
  if (a[0].tag == Tag::Bool) return Value::integer(a[0].b);
  incref(a[0]);
  return a[0];
}

Value s_dunder_format(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2 || !is_str(a[1]))
    return raise(I, types().TypeError, "__format__() argument must be str");
  return format_value(I, a[0], as_str(a[1]));
}

}  // namespace

void register_number_methods() {
  const BuiltinTypes& T = types();
  T.int_->construct = t_int;
  T.bool_->construct = t_bool;
  T.float_->construct = t_float;
  T.str->construct = t_str;
  T.object->construct = t_object;
  T.bytes->construct = t_bytes;
  add_method(T.float_, "is_integer", f_is_integer);
  add_method(T.int_, "bit_length", i_bit_length);
  add_method(T.int_, "bit_count", i_bit_count);
  add_method(T.int_, "conjugate", num_conjugate);
  add_method(T.float_, "conjugate", num_conjugate);
  for (Type* t : {T.int_, T.float_, T.str}) add_method(t, "__format__", s_dunder_format);
}

}  // namespace quire::lang
