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
#include "lang/numeric/float_ops.h"
#include "lang/object/bigint.h"
#include "lang/object/numeric_bridge.h"
#include "lang/object/runtime.h"

namespace quire::lang {

// int(text, base) and float(text): the numeric library's parsers (Unicode
// digits and spaces, '_' rules, the 4300-digit limit, CPython's messages).
Value int_from_string(Isolate& I, std::string_view text, int base) {
  numeric::BigInt b;
  if (!guarded(I, [&] { b = numeric::BigInt::parse(text, base); })) return Value::exc();
  return int_from_big(I, std::move(b));
}

Value float_from_string(Isolate& I, std::string_view text) {
  double d = 0;
  if (!guarded(I, [&] { d = numeric::parse_float(text); })) return Value::exc();
  return Value::real(d);
}

// The same for bytes, whose repr appears in the error message.
static Value number_from_bytes(Isolate& I, Value bytes, int base, bool is_float) {
  std::string_view raw = static_cast<Bytes*>(bytes.o)->view();
  Value v = is_float ? float_from_string(I, raw) : int_from_string(I, raw, base);
  if (!v.is_exc() || !isinstance(I.pending, types().ValueError)) return v;
  std::string rep;
  if (!repr_into(I, bytes, rep)) return Value::exc();
  decref(I.pending);
  I.pending = Value();
  return raise(I, types().ValueError,
               is_float
                   ? "could not convert string to float: " + rep
                   : "invalid literal for int() with base " + std::to_string(base) + ": " + rep);
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
    if (is_str(x)) return int_from_string(I, as_str(x)->view(), static_cast<int>(base));
    return number_from_bytes(I, x, static_cast<int>(base), false);
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
  if (is_kind(x, Kind::Bytes)) return number_from_bytes(I, x, 10, false);
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
  if (is_kind(x, Kind::Bytes)) return number_from_bytes(I, x, 10, true);
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
