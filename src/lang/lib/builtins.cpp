// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// The builtin functions (print, len, range, sorted, ...).

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lang/lib/list_sort.h"
#include "lang/lib/register.h"
#include "lang/lib/scratch_items.h"
#include "lang/lib/text_bridge.h"
#include "lang/numeric/float_ops.h"
#include "lang/object/bigint.h"
#include "lang/object/numeric_bridge.h"
#include "lang/object/range.h"
#include "lang/object/runtime.h"
#include "lang/sandbox/host.h"
#include "lang/sandbox/identity.h"
#include "lang/sandbox/policy.h"
#include "lang/sandbox/work.h"
#include "lang/vm/interp.h"

namespace quire::lang {

namespace {

Value b_print(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  std::string sep = " ", end = "\n";
  for (std::size_t k = 0; kw && k < kw->size; ++k) {
    std::string_view name = as_str(kw->items()[k])->view();
    Value v = args[nargs + k];
    if (name == "sep" || name == "end") {
      if (!v.is_none() && !is_str(v))
        return raise(I, types().TypeError,
                     std::string(name) + " must be None or a string, not " + type_name(v));
      if (is_str(v)) (name == "sep" ? sep : end) = std::string(as_str(v)->view());
    } else if (name == "flush" || name == "file") {
      // file= is not supported beyond stdout (None); flush is a no-op.
      if (name == "file" && !v.is_none())
        return raise(I, types().TypeError, "print(file=...) is not supported");
    } else {
      return raise(I, types().TypeError,
                   "'" + std::string(name) + "' is an invalid keyword argument for print()");
    }
  }
  std::string out;
  for (std::size_t i = 0; i < nargs; ++i) {
    if (i) out += sep;
    if (!str_into(I, args[i], out)) return Value::exc();
  }
  out += end;
  if (I.output) {
    I.output(out);
  } else {
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return Value::none();
}

Value b_len(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (nargs != 1 || kw)
    return raise(I, types().TypeError,
                 "len() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return len_of(I, args[0]);
}

bool int_arg(Isolate& I, Value v, std::int64_t& out) {
  if (v.tag == Tag::Int) {
    out = v.i;
    return true;
  }
  if (v.tag == Tag::Bool) {
    out = v.b;
    return true;
  }
  raise(I, types().TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
  return false;
}

Value t_range(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (kw && kw->size) return raise(I, types().TypeError, "range() takes no keyword arguments");
  if (nargs < 1 || nargs > 3) {
    if (nargs == 0) return raise(I, types().TypeError, "range expected at least 1 argument, got 0");
    return raise(I, types().TypeError,
                 "range expected at most 3 arguments, got " + std::to_string(nargs));
  }
  return construct_range(I, args, nargs);
}

Value b_repr(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "repr() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return repr(I, args[0]);
}

Value b_ascii(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "ascii() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return ascii_repr(I, args[0]);
}

Value b_abs(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "abs() takes exactly one argument (" + std::to_string(nargs) + " given)");
  Value v = args[0];
  if (v.tag == Tag::Int) {
    if (v.i == INT64_MIN) return negate(I, v);
    return Value::integer(v.i < 0 ? -v.i : v.i);
  }
  if (v.tag == Tag::Bool) return Value::integer(v.b);
  if (v.tag == Tag::Float) return Value::real(std::fabs(v.f));
  if (is_kind(v, Kind::BigInt)) {
    if (bigint_compare(v, Value::integer(0)) < 0) return negate(I, v);
    incref(v);
    return v;
  }
  if (is_kind(v, Kind::Instance) && static_cast<Instance*>(v.o)->cls->is_user) {
    Value fn = type_lookup(static_cast<Instance*>(v.o)->cls, "__abs__");
    if (!fn.is_undef()) return call1(I, fn, v);
  }
  return raise(I, types().TypeError, "bad operand type for abs(): '" + type_name(v) + "'");
}

Value any_all(Isolate& I, Value v, bool want_any) {
  Value it = get_iter(I, v);
  if (it.is_exc()) return it;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_exc()) {
      decref(it);
      return x;
    }
    if (x.is_undef()) break;
    int t = truthy(I, x);
    decref(x);
    if (t < 0) {
      decref(it);
      return Value::exc();
    }
    if (t == want_any) {
      decref(it);
      return Value::boolean(want_any);
    }
  }
  decref(it);
  return Value::boolean(!want_any);
}

Value b_any(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "any() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return any_all(I, args[0], true);
}
Value b_all(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "all() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return any_all(I, args[0], false);
}

Value int_base_text(Isolate& I, Value v, int base, const char* prefix) {
  if (!(v.tag == Tag::Int || v.tag == Tag::Bool || is_kind(v, Kind::BigInt)))
    return raise(I, types().TypeError,
                 "'" + type_name(v) + "' object cannot be interpreted as an integer");
  std::string spec = base == 16 ? "x" : base == 8 ? "o" : "b";
  std::string digits;
  if (!format_int_spec(I, v, spec, digits)) return Value::exc();
  bool neg = !digits.empty() && digits[0] == '-';
  if (neg) digits.erase(0, 1);
  return new_str(I, std::string(neg ? "-" : "") + prefix + digits);
}

Value b_hex(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "hex() takes exactly one argument (" + std::to_string(n) + " given)");
  return int_base_text(I, a[0], 16, "0x");
}
Value b_oct(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "oct() takes exactly one argument (" + std::to_string(n) + " given)");
  return int_base_text(I, a[0], 8, "0o");
}
Value b_bin(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "bin() takes exactly one argument (" + std::to_string(n) + " given)");
  return int_base_text(I, a[0], 2, "0b");
}

Value b_callable(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "callable() takes exactly one argument (" + std::to_string(n) + " given)");
  Value v = a[0];
  if (v.tag != Tag::Obj) return Value::boolean(false);
  switch (v.o->kind) {
    case Kind::Function:
    case Kind::Native:
    case Kind::BoundMethod:
    case Kind::Type:
      return Value::boolean(true);
    case Kind::Instance:
      return Value::boolean(!type_lookup(static_cast<Instance*>(v.o)->cls, "__call__").is_undef());
    default:
      return Value::boolean(false);
  }
}

Value b_chr(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "chr() takes exactly one argument (" + std::to_string(n) + " given)");
  std::int64_t c;
  if (a[0].tag == Tag::Float)
    return raise(I, types().TypeError, "'float' object cannot be interpreted as an integer");
  if (!int_arg(I, a[0], c)) return Value::exc();
  if (c < 0 || c > 0x10FFFF)
    return raise(I, types().ValueError, "chr() arg not in range(0x110000)");
  std::string out;
  if (!format_int_spec(I, Value::integer(c), "c", out)) return Value::exc();
  return new_str(I, out);
}

Value b_ord(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 1)
    return raise(I, types().TypeError,
                 "ord() takes exactly one argument (" + std::to_string(n) + " given)");
  if (is_kind(a[0], Kind::Bytes)) {
    auto* b = static_cast<Bytes*>(a[0].o);
    if (b->nbytes != 1)
      return raise(I, types().TypeError,
                   "ord() expected a character, but string of length " + std::to_string(b->nbytes) +
                       " found");
    return Value::integer(static_cast<unsigned char>(b->data()[0]));
  }
  if (!is_str(a[0]))
    return raise(I, types().TypeError,
                 "ord() expected string of length 1, but " + type_name(a[0]) + " found");
  Str* s = as_str(a[0]);
  if (s->length != 1)
    return raise(
        I, types().TypeError,
        "ord() expected a character, but string of length " + std::to_string(s->length) + " found");
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s->data());
  std::uint32_t cp;
  if (p[0] < 0x80)
    cp = p[0];
  else if (p[0] < 0xE0)
    cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  else if (p[0] < 0xF0)
    cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  else
    cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  return Value::integer(cp);
}

Value b_divmod(Isolate& I, Value* a, std::size_t n, const Tuple*, void*) {
  if (n != 2)
    return raise(I, types().TypeError, "divmod expected 2 arguments, got " + std::to_string(n));
  // Classes defining __divmod__ / __rdivmod__ (user classes, datetime.timedelta).
  for (int side = 0; side < 2; ++side) {
    Value self = a[side];
    if (!is_kind(self, Kind::Instance) || !static_cast<Instance*>(self.o)->cls->is_user) continue;
    Value fn =
        type_lookup(static_cast<Instance*>(self.o)->cls, side ? "__rdivmod__" : "__divmod__");
    if (fn.is_undef() || fn.is_none()) continue;
    Value args[2] = {self, a[1 - side]};
    Value r = call(I, fn, args, 2);
    // NotImplemented (immortal: nothing to release) passes on to the other side.
    if (r.tag != Tag::Obj || r.o != not_implemented_value().o) return r;
  }
  if (!is_number(a[0]) || !is_number(a[1]))
    return raise(I, types().TypeError,
                 "unsupported operand type(s) for divmod(): '" + type_name(a[0]) + "' and '" +
                     type_name(a[1]) + "'");
  Value q = binary_op(I, kFloorDiv, a[0], a[1]);
  if (q.is_exc()) {
    if (a[0].tag == Tag::Float || a[1].tag == Tag::Float) {
      decref(I.pending);
      I.pending = Value();
      return raise(I, types().ZeroDivisionError, "float divmod()");
    }
    return q;
  }
  Value r = binary_op(I, kMod, a[0], a[1]);
  if (r.is_exc()) {
    decref(q);
    return r;
  }
  Tuple* t = alloc_tuple(I, 2);
  t->items()[0] = q;
  t->items()[1] = r;
  return Value::object(t);
}

Value b_enumerate(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[2];
  if (!parse_args(I, "enumerate", args, nargs, kw, {"iterable", "start"}, 1, a))
    return Value::exc();
  std::int64_t start = 0;
  if (!a[1].is_undef() && !int_arg(I, a[1], start)) return Value::exc();
  Value src = get_iter(I, a[0]);
  if (src.is_exc()) return src;
  Value it = new_iter(I, IterKind::Enumerate, src);
  decref(src);
  static_cast<Iter*>(it.o)->index = start;
  return it;
}

Value b_zip(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  for (std::size_t k = 0; kw && k < kw->size; ++k) {
    if (as_str(kw->items()[k])->view() != "strict")
      return raise(I, types().TypeError,
                   "zip() got an unexpected keyword argument '" +
                       std::string(as_str(kw->items()[k])->view()) + "'");
  }
  bool strict = false;
  for (std::size_t k = 0; kw && k < kw->size; ++k) {
    int t = truthy(I, args[nargs + k]);
    if (t < 0) return Value::exc();
    strict = t;
  }
  Value it = new_iter(I, IterKind::Zip, Value());
  auto* z = static_cast<Iter*>(it.o);
  if (strict) z->step = kZipStrict;
  for (std::size_t i = 0; i < nargs; ++i) {
    Value s = get_iter(I, args[i]);
    if (s.is_exc()) {
      decref(I.pending);
      I.pending = Value();
      decref(it);
      return raise(I, types().TypeError, "'" + type_name(args[i]) + "' object is not iterable");
    }
    z->many.push_back(s);
  }
  return it;
}

Value b_map(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs < 2) return raise(I, types().TypeError, "map() must have at least two arguments.");
  Value it = new_iter(I, IterKind::Map, Value());
  auto* m = static_cast<Iter*>(it.o);
  incref(args[0]);
  m->extra = args[0];
  for (std::size_t i = 1; i < nargs; ++i) {
    Value s = get_iter(I, args[i]);
    if (s.is_exc()) {
      decref(it);
      return s;
    }
    m->many.push_back(s);
  }
  return it;
}

Value b_filter(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2)
    return raise(I, types().TypeError, "filter expected 2 arguments, got " + std::to_string(nargs));
  Value s = get_iter(I, args[1]);
  if (s.is_exc()) return s;
  Value it = new_iter(I, IterKind::Filter, s);
  decref(s);
  incref(args[0]);
  static_cast<Iter*>(it.o)->extra = args[0];
  return it;
}

Value b_reversed(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "reversed expected 1 argument, got " + std::to_string(nargs));
  Value v = args[0];
  if (is_dict(v) || is_kind(v, Kind::DictView)) {
    // Materialise the keys/items in reverse.
    Value lst;
    {
      Value it = get_iter(I, v);
      if (it.is_exc()) return it;
      List* l = alloc_list(I);
      lst = Value::object(l);
      for (;;) {
        Value x = iter_next(I, it);
        if (x.is_exc()) {
          decref(it);
          decref(lst);
          return x;
        }
        if (x.is_undef()) break;
        list_append(I, l, x);
      }
      decref(it);
      std::reverse(l->items.begin(), l->items.end());
    }
    Value r = new_iter(I, IterKind::Seq, lst);
    decref(lst);
    return r;
  }
  if (is_kind(v, Kind::Range)) return range_iterator(I, static_cast<Range*>(v.o), true);
  if (!(is_list(v) || is_tuple(v) || is_str(v) ||
        (is_kind(v, Kind::Instance) &&
         !type_lookup(static_cast<Instance*>(v.o)->cls, "__getitem__").is_undef())))
    return raise(I, types().TypeError, "'" + type_name(v) + "' object is not reversible");
  std::int64_t n;
  if (!length(I, v, n)) return Value::exc();
  Value it = new_iter(I, IterKind::Reversed, v);
  static_cast<Iter*>(it.o)->index = n - 1;
  return it;
}

Value b_format(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs < 1 || nargs > 2)
    return raise(I, types().TypeError,
                 "format expected at most 2 arguments, got " + std::to_string(nargs));
  if (nargs == 2 && !is_str(args[1]))
    return raise(I, types().TypeError,
                 "format() argument 2 must be str, not " + type_name(args[1]));
  return format_value(I, args[0], nargs == 2 ? as_str(args[1]) : nullptr);
}

Value b_getattr(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs < 2 || nargs > 3)
    return raise(I, types().TypeError,
                 "getattr expected at least 2 arguments, got " + std::to_string(nargs));
  if (!is_str(args[1]))
    return raise(I, types().TypeError,
                 "attribute name must be string, not '" + type_name(args[1]) + "'");
  if (!sandbox::check_dynamic_attribute(I, as_str(args[1]))) return Value::exc();
  if (nargs == 3) return get_attr_default(I, args[0], as_str(args[1]), args[2]);
  return get_attr(I, args[0], as_str(args[1]));
}

Value b_hasattr(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2)
    return raise(I, types().TypeError,
                 "hasattr expected 2 arguments, got " + std::to_string(nargs));
  if (!is_str(args[1]))
    return raise(I, types().TypeError,
                 "attribute name must be string, not '" + type_name(args[1]) + "'");
  if (!sandbox::attribute_allowed(as_str(args[1])->view()) && I.sandboxed)
    return Value::boolean(false);
  Value v = get_attr(I, args[0], as_str(args[1]));
  if (v.is_exc()) {
    if (!I.uncatchable && isinstance(I.pending, types().AttributeError)) {
      decref(I.pending);
      I.pending = Value();
      return Value::boolean(false);
    }
    return v;
  }
  decref(v);
  return Value::boolean(true);
}

Value b_setattr(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 3)
    return raise(I, types().TypeError,
                 "setattr expected 3 arguments, got " + std::to_string(nargs));
  if (!is_str(args[1]))
    return raise(I, types().TypeError,
                 "attribute name must be string, not '" + type_name(args[1]) + "'");
  if (!sandbox::check_dynamic_attribute(I, as_str(args[1]))) return Value::exc();
  if (!set_attr(I, args[0], as_str(args[1]), args[2])) return Value::exc();
  return Value::none();
}

Value b_hash(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "hash() takes exactly one argument (" + std::to_string(nargs) + " given)");
  std::uint64_t h;
  if (!hash_value(I, args[0], h)) return Value::exc();
  return Value::integer(static_cast<std::int64_t>(h));
}

Value b_id(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "id() takes exactly one argument (" + std::to_string(nargs) + " given)");
  // Not the address: a keyed permutation of it (sandbox/identity.h).
  return Value::integer(sandbox::object_id(I, args[0]));
}

bool class_matches(Isolate& I, Value cls_or_tuple, Type* t, bool& out, const char* fname) {
  if (is_kind(cls_or_tuple, Kind::Type)) {
    out = is_subtype(t, static_cast<Type*>(cls_or_tuple.o));
    return true;
  }
  if (is_tuple(cls_or_tuple)) {
    Tuple* tup = as_tuple(cls_or_tuple);
    out = false;
    for (std::size_t i = 0; i < tup->size; ++i) {
      bool m;
      if (!class_matches(I, tup->items()[i], t, m, fname)) return false;
      if (m) out = true;
    }
    return true;
  }
  raise(I, types().TypeError,
        std::string(fname) + "() arg 2 must be a type, a tuple of types, or a union");
  return false;
}

Value b_isinstance(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2)
    return raise(I, types().TypeError,
                 "isinstance expected 2 arguments, got " + std::to_string(nargs));
  bool m;
  if (!class_matches(I, args[1], type_of(args[0]), m, "isinstance")) return Value::exc();
  return Value::boolean(m);
}

Value b_issubclass(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2)
    return raise(I, types().TypeError,
                 "issubclass expected 2 arguments, got " + std::to_string(nargs));
  if (!is_kind(args[0], Kind::Type))
    return raise(I, types().TypeError, "issubclass() arg 1 must be a class");
  bool m;
  if (!class_matches(I, args[1], static_cast<Type*>(args[0].o), m, "issubclass"))
    return Value::exc();
  return Value::boolean(m);
}

Value b_iter(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError, "iter expected 1 argument, got " + std::to_string(nargs));
  return get_iter(I, args[0]);
}

// StopIteration after `iterator` ran out; a generator's return value rides along.
Value stop_iteration_for(Isolate& I, Value iterator) {
  if (is_kind(iterator, Kind::Generator) && !I.stop_value.is_undef() && !I.stop_value.is_none()) {
    Value v = I.stop_value;
    I.stop_value = Value();
    raise_stop_iteration(I, v);
    decref(v);
    return Value::exc();
  }
  return raise_no_args(I, types().StopIteration);
}

Value b_next(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs < 1 || nargs > 2)
    return raise(I, types().TypeError,
                 "next expected at least 1 argument, got " + std::to_string(nargs));
  if (!(is_kind(args[0], Kind::Iter) || is_kind(args[0], Kind::Generator) ||
        (is_kind(args[0], Kind::Instance) &&
         !type_lookup(static_cast<Instance*>(args[0].o)->cls, "__next__").is_undef())))
    return raise(I, types().TypeError, "'" + type_name(args[0]) + "' object is not an iterator");
  Value v = iter_next(I, args[0]);
  if (v.is_undef()) {
    if (nargs == 2) {
      incref(args[1]);
      return args[1];
    }
    return stop_iteration_for(I, args[0]);
  }
  return v;
}

Value g_send(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "generator.send() takes exactly one argument");
  auto* g = static_cast<Generator*>(args[0].o);
  if (g->ip == 0 && !g->finished && !args[1].is_none())
    return raise(I, types().TypeError, "can't send non-None value to a just-started generator");
  Value v = generator_resume(I, g, args[1]);
  if (v.is_undef()) return stop_iteration_for(I, args[0]);
  return v;
}

Value g_close(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1) return raise(I, types().TypeError, "generator.close() takes no arguments");
  return generator_close(I, static_cast<Generator*>(args[0].o));
}

// generator.throw(exc), throw(type), throw(type, value): raised where the generator is suspended.
Value g_throw(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs < 2 || nargs > 4)
    return raise(I, types().TypeError,
                 "throw expected at least 1 argument, got " + std::to_string(nargs - 1));
  auto* g = static_cast<Generator*>(args[0].o);
  Value exc = args[1];
  if (is_kind(exc, Kind::Type) && static_cast<Type*>(exc.o)->is_exception) {
    bool with_value = nargs > 2 && !args[2].is_none();
    exc = call(I, exc, with_value ? &args[2] : nullptr, with_value ? 1 : 0, nullptr);
    if (exc.is_exc()) return exc;
  } else if (is_kind(exc, Kind::Instance) && static_cast<Instance*>(exc.o)->cls->is_exception) {
    if (nargs > 2 && !args[2].is_none())
      return raise(I, types().TypeError, "instance exception may not have a separate value");
    incref(exc);
  } else {
    return raise(I, types().TypeError,
                 "exceptions must be classes or instances deriving from BaseException, not " +
                     type_name(exc));
  }
  Value v = generator_throw(I, g, exc);
  if (v.is_undef()) return stop_iteration_for(I, args[0]);
  return v;
}

// Collects an iterable into a vector of new references; the vector is
// charged to the heap as it grows (list(range(10**9)) yields no heap objects
// the cap would see).
bool collect(Isolate& I, Value iterable, ScratchItems& out) {
  Value it = get_iter(I, iterable);
  if (it.is_exc()) return false;
  for (;;) {
    Value x = iter_next(I, it);
    if (!x.is_exc() && !x.is_undef() && !out.push(x)) {
      decref(x);
      x = Value::exc();
    }
    if (x.is_exc()) {
      decref(it);
      for (auto& v : out) decref(v);
      out.clear();
      return false;
    }
    if (x.is_undef()) break;
  }
  decref(it);
  return true;
}

Value min_max(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, bool want_max) {
  const char* name = want_max ? "max" : "min";
  Value key, dflt;
  for (std::size_t k = 0; kw && k < kw->size; ++k) {
    std::string_view n = as_str(kw->items()[k])->view();
    if (n == "key")
      key = args[nargs + k];
    else if (n == "default")
      dflt = args[nargs + k];
    else
      return raise(I, types().TypeError,
                   "'" + std::string(n) + "' is an invalid keyword argument for " + name + "()");
  }
  if (key.is_none()) key = Value();
  ScratchItems items(I);
  if (nargs == 0)
    return raise(I, types().TypeError, std::string(name) + " expected at least 1 argument, got 0");
  if (nargs == 1) {
    if (!collect(I, args[0], items)) return Value::exc();
  } else {
    if (!dflt.is_undef())
      return raise(I, types().TypeError,
                   std::string("Cannot specify a default for ") + name +
                       "() with multiple positional arguments");
    for (std::size_t i = 0; i < nargs; ++i) {
      incref(args[i]);
      items.push_back(args[i]);
    }
  }
  if (items.empty()) {
    if (!dflt.is_undef()) {
      incref(dflt);
      return dflt;
    }
    return raise(I, types().ValueError, std::string(name) + "() arg is an empty sequence");
  }
  Value best = items[0], best_key = best;
  bool ok = true;
  if (!key.is_undef()) {
    best_key = call1(I, key, best);
    if (best_key.is_exc()) ok = false;
  }
  for (std::size_t i = 1; ok && i < items.size(); ++i) {
    Value k = items[i];
    if (!key.is_undef()) {
      k = call1(I, key, items[i]);
      if (k.is_exc()) {
        ok = false;
        break;
      }
    }
    int better;
    {
      Value r = compare_op(I, want_max ? kGt : kLt, k, best_key);
      better = r.is_exc() ? -1 : truthy(I, r);
      decref(r);
    }
    if (better < 0) {
      if (!key.is_undef()) decref(k);
      ok = false;
      break;
    }
    if (better) {
      if (!key.is_undef()) decref(best_key);
      best = items[i];
      best_key = k;
    } else if (!key.is_undef()) {
      decref(k);
    }
  }
  if (!key.is_undef() && ok) decref(best_key);
  incref(best);
  for (auto& v : items) decref(v);
  if (!ok) {
    decref(best);
    return Value::exc();
  }
  return best;
}

Value b_max(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return min_max(I, a, n, kw, true);
}
Value b_min(Isolate& I, Value* a, std::size_t n, const Tuple* kw, void*) {
  return min_max(I, a, n, kw, false);
}

Value b_sum(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[2];
  if (!parse_args(I, "sum", args, nargs, kw, {"iterable", "start"}, 1, a)) return Value::exc();
  Value acc = a[1].is_undef() ? Value::integer(0) : a[1];
  if (is_str(acc))
    return raise(I, types().TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  incref(acc);
  Value it = get_iter(I, a[0]);
  if (it.is_exc()) {
    decref(acc);
    return it;
  }
  // Float sums use Neumaier compensation like CPython 3.12? No: 3.11 adds plainly.
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_exc()) {
      decref(it);
      decref(acc);
      return x;
    }
    if (x.is_undef()) break;
    Value r;
    if (acc.tag == Tag::Int && x.tag == Tag::Int) {
      std::int64_t s;
      if (!__builtin_add_overflow(acc.i, x.i, &s))
        r = Value::integer(s);
      else
        r = binary_op(I, kAdd, acc, x);
    } else if (acc.tag == Tag::Float && x.tag == Tag::Float) {
      r = Value::real(acc.f + x.f);
    } else {
      r = binary_op(I, kAdd, acc, x);
    }
    decref(x);
    decref(acc);
    if (r.is_exc()) {
      decref(it);
      return r;
    }
    acc = r;
  }
  decref(it);
  return acc;
}

Value b_pow(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[3];
  if (!parse_args(I, "pow", args, nargs, kw, {"base", "exp", "mod"}, 2, a)) return Value::exc();
  if (a[2].is_undef() || a[2].is_none()) return binary_op(I, kPow, a[0], a[1]);
  sandbox::WorkTimer timer;
  if (!sandbox::charge_pow_mod(I, a[1], a[2], &timer)) return Value::exc();
  return bigint_pow_mod(I, a[0], a[1], a[2]);
}

Value b_round(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[2];
  if (!parse_args(I, "round", args, nargs, kw, {"number", "ndigits"}, 1, a)) return Value::exc();
  Value x = a[0];
  bool has_nd = !a[1].is_undef() && !a[1].is_none();
  std::int64_t nd = 0;
  if (has_nd && !int_arg(I, a[1], nd)) return Value::exc();
  if (x.tag == Tag::Float) {
    if (!has_nd) {
      if (std::isnan(x.f))
        return raise(I, types().ValueError, "cannot convert float NaN to integer");
      if (std::isinf(x.f))
        return raise(I, types().OverflowError, "cannot convert float infinity to integer");
      double r = std::nearbyint(x.f);  // default rounding mode: half to even
      if (std::fabs(r) < 9.2e18) return Value::integer(static_cast<std::int64_t>(r));
      return bigint_from_double(I, r);
    }
    double out;
    if (!round_float(I, x.f, nd, out)) return Value::exc();
    return Value::real(out);
  }
  if (x.tag == Tag::Int || x.tag == Tag::Bool || is_kind(x, Kind::BigInt)) {
    if (!has_nd || nd >= 0) return x.tag == Tag::Bool ? Value::integer(x.b) : (incref(x), x);
    numeric::BigInt r;
    if (!guarded(I, [&] { r = numeric::int_round(int_to_big(x), nd); })) return Value::exc();
    return int_from_big(I, std::move(r));
  }
  if (is_kind(x, Kind::Instance) && static_cast<Instance*>(x.o)->cls->is_user) {
    Value fn = type_lookup(static_cast<Instance*>(x.o)->cls, "__round__");
    if (!fn.is_undef()) {
      Value b[2] = {x, a[1].is_undef() ? Value::none() : a[1]};
      return call(I, fn, b, has_nd ? 2 : 1, nullptr);
    }
  }
  return raise(I, types().TypeError, "type " + type_name(x) + " doesn't define __round__ method");
}

Value b_sorted(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 nargs == 0 ? "sorted expected 1 argument, got 0"
                            : "sorted expected 1 argument, got " + std::to_string(nargs));
  Value key, rev;
  for (std::size_t k = 0; kw && k < kw->size; ++k) {
    std::string_view n = as_str(kw->items()[k])->view();
    if (n == "key")
      key = args[nargs + k];
    else if (n == "reverse")
      rev = args[nargs + k];
    else
      return raise(I, types().TypeError,
                   "'" + std::string(n) + "' is an invalid keyword argument for sort()");
  }
  ScratchItems items(I);
  if (!collect(I, args[0], items)) return Value::exc();
  List* l = alloc_list(I);
  l->items = items.release();
  list_sync_charge(I, l);
  Value lv = Value::object(l);
  int r = rev.is_undef() ? 0 : truthy(I, rev);
  if (r < 0) {
    decref(lv);
    return Value::exc();
  }
  Value s = list_sort(I, l, key, r != 0);
  if (s.is_exc()) {
    decref(lv);
    return s;
  }
  return lv;
}

Value b_type(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "type() takes 1 argument (creating classes with type() is not supported)");
  Type* t = host::public_class(type_of(args[0]));  // not a value type's hidden impl
  incref(Value::object(t));
  return Value::object(t);
}

Value make_descriptor(Isolate& I, Value getter, Value setter, std::uint8_t mode) {
  Property* p = I.heap.make<Property>();
  incref(getter);
  incref(setter);
  p->getter = getter;
  p->setter = setter;
  p->mode = mode;
  return Value::object(p);
}

Value b_property(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  Value a[4];
  if (!parse_args(I, "property", args, nargs, kw, {"fget", "fset", "fdel", "doc"}, 0, a))
    return Value::exc();
  return make_descriptor(I, a[0].is_undef() ? Value::none() : a[0],
                         a[1].is_undef() ? Value::none() : a[1], 0);
}

Value b_classmethod(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "classmethod expected 1 argument, got " + std::to_string(nargs));
  return make_descriptor(I, args[0], Value::none(), 1);
}

Value b_staticmethod(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1)
    return raise(I, types().TypeError,
                 "staticmethod expected 1 argument, got " + std::to_string(nargs));
  return make_descriptor(I, args[0], Value::none(), 2);
}

Value p_setter(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "setter() takes exactly one argument");
  auto* p = static_cast<Property*>(args[0].o);
  return make_descriptor(I, p->getter, args[1], 0);
}

Value p_getter(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "getter() takes exactly one argument");
  auto* p = static_cast<Property*>(args[0].o);
  return make_descriptor(I, args[1], p->setter, 0);
}

Value b_vars(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1) return raise(I, types().TypeError, "vars() without arguments is not supported");
  if (is_kind(args[0], Kind::Instance)) {
    auto* in = static_cast<Instance*>(args[0].o);
    if (!in->attrs) in->attrs = alloc_dict(I);
    incref(Value::object(in->attrs));
    return Value::object(in->attrs);
  }
  return raise(I, types().TypeError, "vars() argument must have __dict__ attribute");
}

Value e_init(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void*) {
  // BaseException.__init__(self, *args): stores args.
  if (kw && kw->size)
    return raise(I, types().TypeError, type_name(args[0]) + "() takes no keyword arguments");
  if (is_kind(args[0], Kind::Instance)) {
    auto* in = static_cast<Instance*>(args[0].o);
    assign(in->args, new_tuple_from(I, args + 1, nargs - 1));
  }
  return Value::none();
}

Value o_init(Isolate& I, Value*, std::size_t nargs, const Tuple*, void*) {
  if (nargs > 1)
    return raise(I, types().TypeError,
                 "object.__init__() takes exactly one argument (the instance to initialize)");
  return Value::none();
}

Value b_vars_unsupported(Isolate& I, Value*, std::size_t, const Tuple*, void* data) {
  return raise(I, types().NameError,
               std::string("name '") + static_cast<const char*>(data) + "' is not defined");
}

}  // namespace

bool collect_iterable(Isolate& I, Value iterable, ScratchItems& out) {
  return collect(I, iterable, out);
}

void register_builtins() {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry entries[] = {
      {"print", b_print},
      {"len", b_len},
      {"repr", b_repr},
      {"ascii", b_ascii},
      {"abs", b_abs},
      {"any", b_any},
      {"all", b_all},
      {"hex", b_hex},
      {"oct", b_oct},
      {"bin", b_bin},
      {"callable", b_callable},
      {"chr", b_chr},
      {"ord", b_ord},
      {"divmod", b_divmod},
      {"enumerate", b_enumerate},
      {"zip", b_zip},
      {"map", b_map},
      {"filter", b_filter},
      {"reversed", b_reversed},
      {"format", b_format},
      {"getattr", b_getattr},
      {"hasattr", b_hasattr},
      {"setattr", b_setattr},
      {"hash", b_hash},
      {"id", b_id},
      {"isinstance", b_isinstance},
      {"issubclass", b_issubclass},
      {"iter", b_iter},
      {"next", b_next},
      {"max", b_max},
      {"min", b_min},
      {"sum", b_sum},
      {"pow", b_pow},
      {"round", b_round},
      {"sorted", b_sorted},
  };
  for (const Entry& e : entries) add_builtin(e.name, make_builtin_native(e.name, e.fn));
  add_builtin("vars", make_builtin_native("vars", b_vars));
  types().property->construct = b_property;
  types().classmethod->construct = b_classmethod;
  types().staticmethod->construct = b_staticmethod;
  add_builtin("property", Value::object(types().property));
  add_builtin("classmethod", Value::object(types().classmethod));
  add_builtin("staticmethod", Value::object(types().staticmethod));
  add_method(types().property, "setter", p_setter);
  add_method(types().property, "getter", p_getter);
  add_method(types().BaseException, "__init__", e_init);
  add_method(types().generator, "send", g_send);
  add_method(types().generator, "close", g_close);
  add_method(types().generator, "throw", g_throw);
  add_method(types().object, "__init__", o_init);
  types().range->construct = t_range;
  types().type->construct = b_type;
  add_builtin("type", Value::object(types().type));
  const BuiltinTypes& T = types();
  for (Type* t : {T.int_, T.float_, T.str, T.bool_, T.list, T.tuple, T.dict, T.set, T.frozenset,
                  T.range, T.slice, T.object, T.bytes}) {
    add_builtin(t->name.c_str(), Value::object(t));
  }
  (void)b_vars_unsupported;
}

void register_type_methods() {
  register_str_methods();
  register_container_methods();
  register_number_methods();
}

}  // namespace quire::lang
