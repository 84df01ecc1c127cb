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
#include "lang/lib/scratch_items.h"
#include "lang/lib/text_bridge.h"
#include "lang/numeric/float_ops.h"
#include "lang/object/bigint.h"
#include "lang/object/numeric_bridge.h"
#include "lang/object/runtime.h"

namespace quire::lang {

// int(text, base) and float(text): the numeric library's parsers (Unicode
// digits and spaces, '_' rules, the 4300-digit limit, CPython's messages).
Value int_from_string(Isolate& I, std::string_view text, int base) {
  numeric::PyError error;
  std::optional<numeric::BigInt> b = numeric::BigInt::try_parse(text, base, error);
  if (!b) return raise(I, error_type(error.kind), error.message);
  return int_from_big(I, std::move(*b));
}

Value float_from_string(Isolate& I, std::string_view text) {
  numeric::PyError error;
  std::optional<double> d = numeric::try_parse_float(text, error);
  if (!d) return raise(I, error_type(error.kind), error.message);
  return Value::real(*d);
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

bool collect_iterable(Isolate& I, Value iterable, ScratchItems& out);

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
  if ((!a[1].is_undef() || !a[2].is_undef()) && is_kind(a[0], Kind::Bytes))
    return bytes_decode(I, static_cast<Bytes*>(a[0].o)->view(), a[1], a[2]);
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
    return text_encode(I, as_str(args[0])->view(), args[1], nargs > 2 ? args[2] : Value());
  }
  if (args[0].is_int()) {
    if (args[0].i < 0) return raise(I, types().ValueError, "negative count");
    if (!I.heap.would_fit(static_cast<std::size_t>(args[0].i)))
      return raise_no_args(I, types().MemoryError);
    return new_bytes(I, std::string(static_cast<std::size_t>(args[0].i), '\0'));
  }
  if (is_kind(args[0], Kind::Bytes)) {
    incref(args[0]);
    return args[0];
  }
  if (!is_kind(args[0], Kind::List) && !is_kind(args[0], Kind::Tuple) &&
      !is_kind(args[0], Kind::Range) && !is_kind(args[0], Kind::Generator))
    return raise(I, types().TypeError,
                 "cannot convert '" + type_name(args[0]) + "' object to bytes");
  // An iterable of ints in range(256).
  ScratchItems items(I);
  if (!collect_iterable(I, args[0], items)) return Value::exc();
  std::string raw;
  Value error;
  for (Value v : items) {
    if (error.is_undef()) {
      if (v.tag != Tag::Int && v.tag != Tag::Bool)
        error = raise(I, types().TypeError,
                      "'" + type_name(v) + "' object cannot be interpreted as an integer");
      else if (std::int64_t b = v.tag == Tag::Int ? v.i : v.b; b < 0 || b > 255)
        error = raise(I, types().ValueError, "bytes must be in range(0, 256)");
      else
        raw += static_cast<char>(b);
    }
    decref(v);
  }
  if (!error.is_undef()) return Value::exc();
  return new_bytes(I, raw);
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

// The byteorder argument of to_bytes/from_bytes: true for little-endian.
bool byteorder_little(Isolate& I, Value v, bool& little) {
  if (v.is_undef()) {
    little = false;
    return true;
  }
  if (!is_str(v)) {
    raise(I, types().TypeError, "to_bytes() argument 'byteorder' must be str, not " + type_name(v));
    return false;
  }
  std::string_view s = as_str(v)->view();
  if (s != "little" && s != "big") {
    raise(I, types().ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  little = s == "little";
  return true;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Value i_to_bytes(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[3];
  if (!parse_args(I, "to_bytes", args + 1, nargs - 1, kw, {"length", "byteorder", "signed"}, 0, a))
    return Value::exc();
  std::int64_t length = 1;
  if (!a[0].is_undef() && !to_int64(I, a[0], length, "length")) return Value::exc();
  bool little = false;
  if (!byteorder_little(I, a[1], little)) return Value::exc();
  int is_signed = a[2].is_undef() ? 0 : truthy(I, a[2]);
  if (is_signed < 0) return Value::exc();
  if (length > 0 && !I.heap.would_fit(static_cast<std::size_t>(length)))
    return raise_no_args(I, types().MemoryError);
  std::string out;
  if (!guarded(I, [&] { out = int_to_big(args[0]).to_bytes(length, little, is_signed); }))
    return Value::exc();
  return new_bytes(I, out);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False): a type attribute,
// so args[0] is the bytes.
Value i_from_bytes(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[3];
  if (!parse_args(I, "from_bytes", args, nargs, kw, {"bytes", "byteorder", "signed"}, 1, a))
    return Value::exc();
  std::string raw;
  if (is_kind(a[0], Kind::Bytes)) {
    raw = static_cast<Bytes*>(a[0].o)->view();
  } else if (is_str(a[0])) {
    return raise(I, types().TypeError, "cannot convert 'str' object to bytes");
  } else {
    ScratchItems items(I);
    if (!collect_iterable(I, a[0], items)) return Value::exc();
    bool ok = true;
    for (Value v : items) {
      std::int64_t b = 0;
      if (ok && !(v.tag == Tag::Int || v.tag == Tag::Bool)) {
        raise(I, types().TypeError,
              "'" + type_name(v) + "' object cannot be interpreted as an integer");
        ok = false;
      } else if (ok && ((b = v.tag == Tag::Int ? v.i : v.b) < 0 || b > 255)) {
        raise(I, types().ValueError, "bytes must be in range(0, 256)");
        ok = false;
      }
      if (ok) raw += static_cast<char>(b);
      decref(v);
    }
    if (!ok) return Value::exc();
  }
  bool little = false;
  if (!byteorder_little(I, a[1], little)) return Value::exc();
  int is_signed = a[2].is_undef() ? 0 : truthy(I, a[2]);
  if (is_signed < 0) return Value::exc();
  numeric::BigInt b;
  if (!guarded(I, [&] { b = numeric::BigInt::from_bytes(raw, little, is_signed); }))
    return Value::exc();
  return int_from_big(I, std::move(b));
}

Value i_as_integer_ratio(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "int.as_integer_ratio() takes no arguments (" + std::to_string(n - 1) + " given)");
  Value items[2] = {a[0].tag == Tag::Bool ? Value::integer(a[0].b) : a[0], Value::integer(1)};
  return new_tuple_from(I, items, 2);
}

Value f_as_integer_ratio(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(
        I, types().TypeError,
        "float.as_integer_ratio() takes no arguments (" + std::to_string(n - 1) + " given)");
  std::pair<numeric::BigInt, numeric::BigInt> r;
  if (!guarded(I, [&] { r = numeric::float_as_integer_ratio(a[0].f); })) return Value::exc();
  Value items[2] = {int_from_big(I, std::move(r.first)), int_from_big(I, std::move(r.second))};
  Value t = new_tuple_from(I, items, 2);
  decref(items[0]);
  decref(items[1]);
  return t;
}

Value f_hex(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "float.hex() takes no arguments (" + std::to_string(n - 1) + " given)");
  return new_str(I, numeric::float_hex(a[0].f));
}

// float.fromhex(text): a type attribute, so a[0] is the text.
Value f_fromhex(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "float.fromhex() takes exactly one argument (" + std::to_string(n) + " given)");
  if (!is_str(a[0])) return raise(I, types().TypeError, "bad argument type for built-in operation");
  double d = 0;
  if (!guarded(I, [&] { d = numeric::float_fromhex(as_str(a[0])->view()); })) return Value::exc();
  return Value::real(d);
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
  add_method(T.int_, "to_bytes", i_to_bytes);
  add_class_attr(T.int_, "from_bytes", make_builtin_native("from_bytes", i_from_bytes));
  add_method(T.int_, "as_integer_ratio", i_as_integer_ratio);
  add_method(T.float_, "as_integer_ratio", f_as_integer_ratio);
  add_method(T.float_, "hex", f_hex);
  add_static_method(T.float_, "fromhex", f_fromhex);
  for (Type* t : {T.int_, T.float_, T.str}) add_method(t, "__format__", s_dunder_format);
}

}  // namespace quire::lang
