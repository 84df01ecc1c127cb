// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Value protocols: truth, repr/str, hashing, equality, ordering, arithmetic.
// Fast paths for the built-in types come first; user classes are reached
// through their special methods (__eq__, __lt__, __add__, ...).

#include <charconv>
#include <cmath>
#include <cstring>

#include "lang/lib/text_bridge.h"
#include "lang/numeric/float_ops.h"
#include "lang/numeric/int64_ops.h"
#include "lang/object/bigint.h"
#include "lang/object/numeric_bridge.h"
#include "lang/object/range.h"
#include "lang/object/runtime.h"
#include "lang/object/special_ops.h"
#include "lang/sandbox/identity.h"
#include "lang/sandbox/work.h"
#include "lang/text/hash.h"
#include "lang/text/repr.h"
#include "lang/text/search.h"
#include "lang/vm/interp.h"

namespace quire::lang {

// ---------------------------------------------------------------- types

Type* type_of(Value v) {
  const BuiltinTypes& T = types();
  switch (v.tag) {
    case Tag::None:
      return T.none;
    case Tag::Bool:
      return T.bool_;
    case Tag::Int:
      return T.int_;
    case Tag::Float:
      return T.float_;
    case Tag::Obj:
      break;
    default:
      return T.object;
  }
  switch (v.o->kind) {
    case Kind::Str:
      return T.str;
    case Kind::Bytes:
      return T.bytes;
    case Kind::BigInt:
      return T.int_;
    case Kind::List:
      return T.list;
    case Kind::Tuple:
      return T.tuple;
    case Kind::Dict:
      return static_cast<Dict*>(v.o)->cls ? static_cast<Dict*>(v.o)->cls : T.dict;
    case Kind::Set:
      return T.set;
    case Kind::FrozenSet:
      return T.frozenset;
    case Kind::Range:
      return T.range;
    case Kind::Slice:
      return T.slice;
    case Kind::Function:
      return T.function;
    case Kind::Native:
      return T.builtin_function;
    case Kind::BoundMethod:
      return T.method;
    case Kind::Type:
      return T.type;
    case Kind::Instance:
      return static_cast<Instance*>(v.o)->cls;
    case Kind::Cell:
      return T.cell;
    case Kind::Generator:
      return T.generator;
    case Kind::Iter: {
      auto* it = static_cast<Iter*>(v.o);
      switch (it->sub) {
        case IterKind::Seq:
          if (is_kind(it->src, Kind::Tuple)) return T.tuple_iterator;
          if (is_kind(it->src, Kind::Str))
            return static_cast<Str*>(it->src.o)->ascii ? T.str_ascii_iterator : T.str_iterator;
          if (is_kind(it->src, Kind::Bytes)) return T.bytes_iterator;
          return T.list_iterator;
        case IterKind::Range:
          return T.range_iterator;
        case IterKind::LongRange:
          return T.longrange_iterator;
        case IterKind::DictKeys:
          return T.dict_keyiterator;
        case IterKind::DictValues:
          return T.dict_valueiterator;
        case IterKind::DictItems:
          return T.dict_itemiterator;
        case IterKind::SetItems:
          return T.set_iterator;
        case IterKind::Enumerate:
          return T.enumerate;
        case IterKind::Zip:
          return T.zip;
        case IterKind::Map:
          return T.map;
        case IterKind::Filter:
          return T.filter;
        case IterKind::Reversed:
          return T.reversed;
        default:
          return T.iterator;
      }
    }
    case Kind::DictView: {
      auto w = static_cast<DictView*>(v.o)->which;
      return w == ViewKind::Keys     ? T.dict_keys
             : w == ViewKind::Values ? T.dict_values
                                     : T.dict_items;
    }
    case Kind::Module:
      return T.module;
    case Kind::Property: {
      auto m = static_cast<Property*>(v.o)->mode;
      return m == 1 ? T.classmethod : m == 2 ? T.staticmethod : T.property;
    }
    case Kind::Super:
      return T.object;
  }
  return T.object;
}

bool is_subtype(const Type* t, const Type* base) {
  for (; t; t = t->base)
    if (t == base) return true;
  return false;
}

Value type_lookup(const Type* t, std::string_view name) {
  std::uint64_t h = hash_bytes(name);
  for (; t; t = t->base) {
    Value v = dict_get_str_hashed(t->dict, name, h);
    if (!v.is_undef()) return v;
  }
  return Value();
}

Value type_lookup(const Type* t, const Str* name) {
  std::uint64_t h = str_hash(name);
  for (; t; t = t->base) {
    Value v = dict_get_str_hashed(t->dict, name->view(), h);
    if (!v.is_undef()) return v;
  }
  return Value();
}

// Calls the special method `name` of a user-class instance. `found` tells
// whether the class defines it.
static Value call_special(Isolate& I, Value self, std::string_view name, Value* args,
                          std::size_t nargs, bool& found) {
  found = false;
  if (!is_user_instance(self)) return Value();
  Value fn = type_lookup(static_cast<Instance*>(self.o)->cls, name);
  if (fn.is_undef() || fn.is_none()) return Value();
  found = true;
  Value buf[4];
  buf[0] = self;
  for (std::size_t i = 0; i < nargs; ++i) buf[i + 1] = args[i];
  return call(I, fn, buf, nargs + 1, nullptr);
}

// ---------------------------------------------------------------- numbers

bool is_number(Value v) {
  return v.tag == Tag::Int || v.tag == Tag::Float || v.tag == Tag::Bool || is_kind(v, Kind::BigInt);
}

bool to_double(Isolate& I, Value v, double& out) {
  switch (v.tag) {
    case Tag::Int:
      out = static_cast<double>(v.i);
      return true;
    case Tag::Float:
      out = v.f;
      return true;
    case Tag::Bool:
      out = v.b ? 1.0 : 0.0;
      return true;
    default:
      break;
  }
  if (is_kind(v, Kind::BigInt)) return bigint_to_double(I, v, out);
  raise(I, types().TypeError, "must be real number, not " + type_name(v));
  return false;
}

bool to_int64(Isolate& I, Value v, std::int64_t& out, const char* what) {
  if (v.tag == Tag::Int) {
    out = v.i;
    return true;
  }
  if (v.tag == Tag::Bool) {
    out = v.b;
    return true;
  }
  if (is_kind(v, Kind::BigInt)) {
    raise(I, types().OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  // CPython words the error by what the integer is for: subscripts name their
  // container, slice bounds have their own text, arguments (width, maxsplit…)
  // say the value cannot be an integer at all.
  std::string_view purpose(what);
  if (purpose == "slice indices")
    raise(I, types().TypeError,
          "slice indices must be integers or None or have an __index__ method");
  else if (purpose.ends_with(" indices"))
    raise(I, types().TypeError,
          std::string(what) + " must be integers or slices, not " + type_name(v));
  else
    raise(I, types().TypeError,
          "'" + type_name(v) + "' object cannot be interpreted as an integer");
  return false;
}

std::string float_repr(double d) {
  return numeric::float_repr(d);
}

// ---------------------------------------------------------------- truth

int truthy(Isolate& I, Value v) {
  switch (v.tag) {
    case Tag::None:
      return 0;
    case Tag::Bool:
      return v.b;
    case Tag::Int:
      return v.i != 0;
    case Tag::Float:
      return v.f != 0.0;
    case Tag::Obj:
      break;
    default:
      return 0;
  }
  switch (v.o->kind) {
    case Kind::Str:
      return as_str(v)->nbytes != 0;
    case Kind::Bytes:
      return static_cast<Bytes*>(v.o)->nbytes != 0;
    case Kind::List:
      return !as_list(v)->items.empty();
    case Kind::Tuple:
      return as_tuple(v)->size != 0;
    case Kind::Dict:
      return as_dict(v)->table.used != 0;
    case Kind::Set:
    case Kind::FrozenSet:
      return as_set(v)->table.used != 0;
    case Kind::BigInt:
      return 1;
    case Kind::Range:
      return !range_is_empty(static_cast<Range*>(v.o));
    case Kind::DictView:
      return as_dict(static_cast<DictView*>(v.o)->dict)->table.used != 0;
    case Kind::Instance: {
      bool found;
      Value r = call_special(I, v, "__bool__", nullptr, 0, found);
      if (found) {
        if (r.is_exc()) return -1;
        if (!r.is_bool()) {
          decref(r);
          raise(I, types().TypeError, "__bool__ should return bool, returned " + type_name(r));
          return -1;
        }
        return r.b;
      }
      r = call_special(I, v, "__len__", nullptr, 0, found);
      if (found) {
        if (r.is_exc()) return -1;
        int t = truthy(I, r);
        decref(r);
        return t;
      }
      return 1;
    }
    default:
      return 1;
  }
}

// ---------------------------------------------------------------- repr / str

static thread_local std::vector<const Object*> t_repr_stack;

// Comparing or hashing nested containers recurses natively: bound it like
// Python recursion so [[[...]]] a million levels deep raises RecursionError
// instead of overflowing the native stack (a crash of the whole process).
static thread_local int t_native_depth = 0;
// Each container compared or hashed costs a step, and the limits are checked
// there: a shared structure (a = [a, a] a hundred times) has 2**100 paths
// to walk with no back-edge where the budget or the deadline would be seen.
static bool native_step(Isolate& I) {
  if (--I.steps_left < 0 || (I.cancel && I.cancel->load(std::memory_order_relaxed)))
    return check_limits(I);
  return true;
}

struct NativeDepth {
  bool ok;
  NativeDepth() : ok(++t_native_depth <= 1000) {}
  ~NativeDepth() { --t_native_depth; }
  NativeDepth(const NativeDepth&) = delete;
  NativeDepth& operator=(const NativeDepth&) = delete;
};

static void str_repr_into(const Str* s, std::string& out) {
  out += text::str_repr(s->view());
}

static bool seq_repr_into(Isolate& I, const Value* items, std::size_t n, const char* open,
                          const char* close, std::string& out) {
  out += open;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    if (!repr_into(I, items[i], out)) return false;
  }
  out += close;
  return true;
}

static bool table_repr_into(Isolate& I, const HashTable& t, bool with_values, std::string& out) {
  bool first = true;
  if (!with_values) {
    for (const HashTable::Entry* e : set_iteration_order(t)) {
      if (!first) out += ", ";
      first = false;
      if (!repr_into(I, e->key, out)) return false;
    }
    return true;
  }
  for (auto& e : t.entries) {
    if (e.key.is_undef()) continue;
    if (!first) out += ", ";
    first = false;
    if (!repr_into(I, e.key, out)) return false;
    if (with_values) {
      out += ": ";
      if (!repr_into(I, e.value, out)) return false;
    }
  }
  return true;
}

static bool object_repr_into(Isolate& I, Value v, std::string& out) {
  Object* o = v.o;
  switch (o->kind) {
    case Kind::Str:
      str_repr_into(as_str(v), out);
      return true;
    case Kind::Bytes: {
      std::string_view b = static_cast<Bytes*>(o)->view();
      bool has_single = b.find('\'') != std::string_view::npos;
      bool has_double = b.find('"') != std::string_view::npos;
      char quote = has_single && !has_double ? '"' : '\'';
      out += 'b';
      out += quote;
      for (unsigned char c : b) {
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c == '\n') {
          out += "\\n";
        } else if (c == '\r') {
          out += "\\r";
        } else if (c == '\t') {
          out += "\\t";
        } else if (c < 0x20 || c >= 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
      }
      out += quote;
      return true;
    }
    case Kind::BigInt:
      return bigint_str_into(I, v, out);
    case Kind::List:
    case Kind::Tuple:
    case Kind::Dict:
    case Kind::Set:
    case Kind::FrozenSet: {
      for (const Object* seen : t_repr_stack) {
        if (seen == o) {
          out += o->kind == Kind::List ? "[...]" : o->kind == Kind::Dict ? "{...}" : "...";
          return true;
        }
      }
      if (t_repr_stack.size() > 200) {
        raise(I, types().RecursionError,
              "maximum recursion depth exceeded while getting the repr of an object");
        return false;
      }
      t_repr_stack.push_back(o);
      bool ok;
      if (o->kind == Kind::List) {
        auto& items = as_list(v)->items;
        ok = seq_repr_into(I, items.data(), items.size(), "[", "]", out);
      } else if (o->kind == Kind::Tuple) {
        Tuple* t = as_tuple(v);
        ok = seq_repr_into(I, t->items(), t->size, "(", t->size == 1 ? ",)" : ")", out);
      } else if (o->kind == Kind::Dict) {
        out += "{";
        ok = table_repr_into(I, as_dict(v)->table, true, out);
        out += "}";
      } else {
        Set* s = as_set(v);
        bool frozen = o->kind == Kind::FrozenSet;
        if (s->table.used == 0) {
          out += frozen ? "frozenset()" : "set()";
          ok = true;
        } else {
          out += frozen ? "frozenset({" : "{";
          ok = table_repr_into(I, s->table, false, out);
          out += frozen ? "})" : "}";
        }
      }
      t_repr_stack.pop_back();
      return ok;
    }
    case Kind::Range:
      return range_repr_into(I, static_cast<Range*>(o), out);
    case Kind::Slice: {
      auto* s = static_cast<Slice*>(o);
      out += "slice(";
      if (!repr_into(I, s->start, out)) return false;
      out += ", ";
      if (!repr_into(I, s->stop, out)) return false;
      out += ", ";
      if (!repr_into(I, s->step, out)) return false;
      out += ")";
      return true;
    }
    case Kind::Function: {
      const std::string buf = sandbox::id_hex(I, o);
      out += "<function " + static_cast<Function*>(o)->code->qualname + " at " + buf + ">";
      return true;
    }
    case Kind::Native: {
      out += "<built-in function " + std::string(static_cast<Native*>(o)->name) + ">";
      return true;
    }
    case Kind::BoundMethod: {
      auto* m = static_cast<BoundMethod*>(o);
      if (is_kind(m->func, Kind::Native)) {
        const std::string buf = sandbox::id_hex(I, m->self);
        out += "<built-in method " + std::string(static_cast<Native*>(m->func.o)->name) + " of " +
               type_name(m->self) + " object at " + buf + ">";
      } else {
        out += "<bound method " + static_cast<Function*>(m->func.o)->code->qualname + " of ";
        if (!repr_into(I, m->self, out)) return false;
        out += ">";
      }
      return true;
    }
    case Kind::Type: {
      auto* t = static_cast<Type*>(o);
      out += t->is_user ? "<class '__main__." + t->name + "'>" : "<class '" + t->name + "'>";
      return true;
    }
    case Kind::Module:
      out += "<module '" + static_cast<Module*>(o)->name + "'>";
      return true;
    case Kind::DictView: {
      auto* dv = static_cast<DictView*>(o);
      const char* names[] = {"dict_keys", "dict_values", "dict_items"};
      out += names[static_cast<int>(dv->which)];
      out += "([";
      bool first = true;
      for (auto& e : as_dict(dv->dict)->table.entries) {
        if (e.key.is_undef()) continue;
        if (!first) out += ", ";
        first = false;
        if (dv->which == ViewKind::Keys) {
          if (!repr_into(I, e.key, out)) return false;
        } else if (dv->which == ViewKind::Values) {
          if (!repr_into(I, e.value, out)) return false;
        } else {
          out += "(";
          if (!repr_into(I, e.key, out)) return false;
          out += ", ";
          if (!repr_into(I, e.value, out)) return false;
          out += ")";
        }
      }
      out += "])";
      return true;
    }
    case Kind::Instance: {
      auto* in = static_cast<Instance*>(o);
      if (in->cls == types().ellipsis) {
        out += "Ellipsis";
        return true;
      }
      if (in->cls == types().not_implemented) {
        out += "NotImplemented";
        return true;
      }
      if (in->cls->is_user) {
        bool found;
        Value r = call_special(I, v, "__repr__", nullptr, 0, found);
        if (found) {
          if (r.is_exc()) return false;
          if (!is_str(r)) {
            raise(I, types().TypeError, "__repr__ returned non-string (type " + type_name(r) + ")");
            decref(r);
            return false;
          }
          out += as_str(r)->view();
          decref(r);
          return true;
        }
      }
      if (in->cls->is_exception) {
        out += in->cls->name + "(";
        Tuple* args = as_tuple(in->args);
        for (std::size_t i = 0; i < args->size; ++i) {
          if (i) out += ", ";
          if (!repr_into(I, args->items()[i], out)) return false;
        }
        out += ")";
        return true;
      }
      const std::string buf = sandbox::id_hex(I, o);
      out += "<" + std::string(in->cls->is_user ? "__main__." : "") + in->cls->name +
             " object at " + buf + ">";
      return true;
    }
    case Kind::Generator: {
      const std::string buf = sandbox::id_hex(I, o);
      out += "<generator object " +
             static_cast<Function*>(static_cast<Generator*>(o)->func.o)->code->qualname + " at " +
             buf + ">";
      return true;
    }
    default: {
      const std::string buf = sandbox::id_hex(I, o);
      out += "<" + type_name(v) + " object at " + buf + ">";
      return true;
    }
  }
}

bool repr_into(Isolate& I, Value v, std::string& out) {
  // The text built here is outside the heap's accounting until it becomes a
  // str: stop at the cap, or repr([s] * 1000) of a big s builds gigabytes.
  // When the buffer grows, its old and new storage (three times the old
  // capacity) are held at once, and the str made of it is a copy: what must
  // fit is three times the capacity, not the size.
  if (out.capacity() > (std::size_t{1} << 16) && !I.heap.would_fit(3 * out.capacity())) {
    raise_no_args(I, types().MemoryError);
    return false;
  }
  switch (v.tag) {
    case Tag::None:
      out += "None";
      return true;
    case Tag::Bool:
      out += v.b ? "True" : "False";
      return true;
    case Tag::Int: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.i);
      out.append(buf, r.ptr);
      return true;
    }
    case Tag::Float:
      out += float_repr(v.f);
      return true;
    case Tag::Obj:
      return object_repr_into(I, v, out);
    default:
      out += "<undefined>";
      return true;
  }
}

bool str_into(Isolate& I, Value v, std::string& out) {
  if (v.tag == Tag::Obj) {
    if (v.o->kind == Kind::Str) {
      out += as_str(v)->view();
      return true;
    }
    if (v.o->kind == Kind::Instance) {
      auto* in = static_cast<Instance*>(v.o);
      if (in->cls->is_user) {
        bool found;
        Value r = call_special(I, v, "__str__", nullptr, 0, found);
        if (found) {
          if (r.is_exc()) return false;
          if (!is_str(r)) {
            raise(I, types().TypeError, "__str__ returned non-string (type " + type_name(r) + ")");
            decref(r);
            return false;
          }
          out += as_str(r)->view();
          decref(r);
          return true;
        }
        if (!in->cls->is_exception || !type_lookup(in->cls, "__repr__").is_undef())
          return repr_into(I, v, out);
      }
      if (in->cls->is_exception) {
        Tuple* args = as_tuple(in->args);
        if (args->size == 0) return true;
        if (args->size == 1) {
          if (is_subtype(in->cls, types().KeyError)) return repr_into(I, args->items()[0], out);
          return str_into(I, args->items()[0], out);
        }
        bool ok;
        if (oserror_text(I, in, out, ok)) return ok;
        return repr_into(I, in->args, out);
      }
    }
  }
  return repr_into(I, v, out);
}

Value repr(Isolate& I, Value v) {
  std::string out;
  if (!repr_into(I, v, out)) return Value::exc();
  return new_str(I, out);
}

Value to_str(Isolate& I, Value v) {
  if (is_str(v)) {
    incref(v);
    return v;
  }
  std::string out;
  if (!str_into(I, v, out)) return Value::exc();
  return new_str(I, out);
}

Value ascii_repr(Isolate& I, Value v) {
  std::string text;
  if (!repr_into(I, v, text)) return Value::exc();
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::uint32_t cp;
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
    for (int k = 1; k < len && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += len;
    char buf[16];
    if (cp < 0x100)
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp < 0x10000)
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
  }
  return new_str(I, out);
}

// ---------------------------------------------------------------- hashing

std::uint64_t hash_bytes(std::string_view bytes) {
  // CPython's own str hash (PYTHONHASHSEED=0): sets of strings iterate as there.
  return static_cast<std::uint64_t>(text::str_hash(bytes));
}

std::uint64_t str_hash(const Str* s) {
  if (s->hash) return s->hash;
  s->hash = hash_bytes(s->view());
  return s->hash;
}

bool str_equal(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->hash && b->hash && a->hash != b->hash) return false;
  return std::memcmp(a->data(), b->data(), a->nbytes) == 0;
}

static std::uint64_t hash_int(std::int64_t i) {
  // CPython: n mod (2**61 - 1), with the sign; -1 becomes -2.
  constexpr std::uint64_t kModulus = (1ull << 61) - 1;
  std::uint64_t m =
      (i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i)) % kModulus;
  std::int64_t r = i < 0 ? -static_cast<std::int64_t>(m) : static_cast<std::int64_t>(m);
  if (r == -1) r = -2;
  return static_cast<std::uint64_t>(r);
}

static std::uint64_t hash_double(double d) {
  if (std::isinf(d)) return d > 0 ? 314159 : static_cast<std::uint64_t>(-314159);
  if (std::isnan(d)) return 0;
  double ip;
  if (std::modf(d, &ip) == 0.0 && std::fabs(d) < 9.2e18)
    return hash_int(static_cast<std::int64_t>(d));
  // Non-integral floats: CPython's algorithm (value mod 2**61-1 over the binary fraction).
  constexpr std::uint64_t kModulus = (1ull << 61) - 1;
  int e;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  std::uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kModulus) | x >> (61 - 28);
    m *= 268435456.0;
    e -= 28;
    std::uint64_t y = static_cast<std::uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & kModulus) | x >> (61 - e);
  std::int64_t r = static_cast<std::int64_t>(x) * sign;
  if (r == -1) r = -2;
  return static_cast<std::uint64_t>(r);
}

bool hash_value(Isolate& I, Value v, std::uint64_t& out) {
  switch (v.tag) {
    case Tag::None:
      out = 0xFCA86420u;
      return true;
    case Tag::Bool:
      out = v.b;
      return true;
    case Tag::Int:
      out = hash_int(v.i);
      return true;
    case Tag::Float:
      out = hash_double(v.f);
      return true;
    case Tag::Obj:
      break;
    default:
      out = 0;
      return true;
  }
  NativeDepth depth;
  if (!depth.ok) {
    raise(I, types().RecursionError, "maximum recursion depth exceeded while hashing");
    return false;
  }
  if ((v.o->kind == Kind::Tuple || v.o->kind == Kind::FrozenSet) && !native_step(I)) return false;
  switch (v.o->kind) {
    case Kind::Str:
      out = str_hash(as_str(v));
      return true;
    case Kind::Bytes:
      out = static_cast<std::uint64_t>(text::bytes_hash(static_cast<Bytes*>(v.o)->view()));
      return true;
    case Kind::BigInt:
      out = bigint_hash(v);
      return true;
    case Kind::Tuple: {
      // CPython 3.11 tuplehash (xxHash lanes).
      constexpr std::uint64_t kP1 = 11400714785074694791ull, kP2 = 14029467366897019727ull,
                              kP5 = 2870177450012600261ull;
      Tuple* t = as_tuple(v);
      std::uint64_t acc = kP5;
      for (std::size_t i = 0; i < t->size; ++i) {
        std::uint64_t lane;
        if (!hash_value(I, t->items()[i], lane)) return false;
        acc += lane * kP2;
        acc = (acc << 31) | (acc >> 33);
        acc *= kP1;
      }
      acc += t->size ^ (kP5 ^ 3527539ull);
      if (acc == static_cast<std::uint64_t>(-1)) acc = 1546275796;
      out = acc;
      return true;
    }
    case Kind::FrozenSet: {
      // CPython 3.11's frozenset_hash: order-independent xor of shuffled
      // entry hashes, then the size and a final dispersion.
      auto shuffle = [](std::uint64_t h) {
        return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
      };
      std::uint64_t acc = 0;
      const HashTable& table = as_set(v)->table;
      for (auto& e : table.entries)
        if (!e.key.is_undef()) acc ^= shuffle(e.hash);
      acc ^= (static_cast<std::uint64_t>(table.used) + 1) * 1927868237ull;
      acc ^= (acc >> 11) ^ (acc >> 25);
      acc = acc * 69069u + 907133923ull;
      if (acc == static_cast<std::uint64_t>(-1)) acc = 590923713ull;
      out = acc;
      return true;
    }
    case Kind::Range:
      return range_hash(I, static_cast<Range*>(v.o), out);
    case Kind::List:
    case Kind::Dict:
    case Kind::Set:
      raise(I, types().TypeError, "unhashable type: '" + type_name(v) + "'");
      return false;
    case Kind::Instance: {
      auto* in = static_cast<Instance*>(v.o);
      if (in->cls->is_user) {
        Value h = type_lookup(in->cls, "__hash__");
        if (h.is_none()) {
          raise(I, types().TypeError, "unhashable type: '" + in->cls->name + "'");
          return false;
        }
        if (h.is_undef() && !type_lookup(in->cls, "__eq__").is_undef()) {
          raise(I, types().TypeError, "unhashable type: '" + in->cls->name + "'");
          return false;
        }
        if (!h.is_undef()) {
          bool found;
          Value r = call_special(I, v, "__hash__", nullptr, 0, found);
          if (r.is_exc()) return false;
          if (!r.is_int()) {
            decref(r);
            raise(I, types().TypeError, "__hash__ method should return an integer");
            return false;
          }
          out = hash_int(r.i);
          return true;
        }
      }
      out = reinterpret_cast<std::uintptr_t>(v.o) >> 4;
      return true;
    }
    default:
      out = reinterpret_cast<std::uintptr_t>(v.o) >> 4;
      return true;
  }
}

// ---------------------------------------------------------------- equality and order

static int numeric_compare(Value a, Value b, int& cmp) {
  // Returns 1 when both are numbers (cmp set to -1/0/1, or 2 for unordered NaN).
  if (!is_number(a) || !is_number(b)) return 0;
  if (is_kind(a, Kind::BigInt) || is_kind(b, Kind::BigInt)) {
    cmp = bigint_compare(a, b);
    return 1;
  }
  if (a.tag == Tag::Float || b.tag == Tag::Float) {
    double x = a.tag == Tag::Float ? a.f : static_cast<double>(a.tag == Tag::Int ? a.i : a.b);
    double y = b.tag == Tag::Float ? b.f : static_cast<double>(b.tag == Tag::Int ? b.i : b.b);
    // Exact comparison of int and float, as CPython: compare via long double
    // is not enough for 64-bit ints, so handle integral floats exactly.
    if (a.tag != Tag::Float || b.tag != Tag::Float) {
      std::int64_t iv =
          a.tag == Tag::Float ? (b.tag == Tag::Int ? b.i : b.b) : (a.tag == Tag::Int ? a.i : a.b);
      double fv = a.tag == Tag::Float ? a.f : b.f;
      // The numeric library compares exactly (2**53 + 1 > 2.0**53) and never
      // converts an out-of-range float to int64.
      std::optional<int> exact = numeric::compare_int64_double(iv, fv);
      if (!exact) {
        cmp = 2;
        return 1;
      }
      int c = *exact;
      cmp = a.tag == Tag::Float ? -c : c;
      return 1;
    }
    if (std::isnan(x) || std::isnan(y))
      cmp = 2;
    else
      cmp = x < y ? -1 : x > y ? 1 : 0;
    return 1;
  }
  std::int64_t x = a.tag == Tag::Int ? a.i : a.b;
  std::int64_t y = b.tag == Tag::Int ? b.i : b.b;
  cmp = x < y ? -1 : x > y ? 1 : 0;
  return 1;
}

static int seq_equal(Isolate& I, const Value* a, std::size_t na, const Value* b, std::size_t nb) {
  if (na != nb) return 0;
  for (std::size_t i = 0; i < na; ++i) {
    // Identity first, as CPython: floats are inline here, so the same bits stand
    // for the same object (this keeps [nan] == [nan] True like CPython).
    if (a[i].tag == b[i].tag && (a[i].tag == Tag::Obj || a[i].tag == Tag::Float) &&
        a[i].i == b[i].i)
      continue;
    int e = equals(I, a[i], b[i]);
    if (e <= 0) return e;
  }
  return 1;
}

// dict.keys() / dict.items() take part in set operations and set equality
// as the sets of their elements (CPython's dict views are set-like).
static bool is_set_view(Value v) {
  return is_kind(v, Kind::DictView) && static_cast<DictView*>(v.o)->which != ViewKind::Values;
}

// A new set of the elements of a keys/items view (Undef after an error).
static Value view_to_set(Isolate& I, Value view) {
  Set* s = alloc_set(I);
  Value out = Value::object(s);
  Value it = get_iter(I, view);
  if (it.is_exc()) {
    decref(out);
    return Value();
  }
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_undef()) break;
    bool ok = !x.is_exc() && set_add(I, s, x);
    if (!x.is_exc()) decref(x);
    if (!ok) {
      decref(it);
      decref(out);
      return Value();
    }
  }
  decref(it);
  return out;
}

int equals(Isolate& I, Value a, Value b) {
  int cmp;
  if (!sandbox::charge_int_compare(I, a, b)) return -1;
  if (numeric_compare(a, b, cmp)) return cmp == 0;
  if (a.tag != Tag::Obj || b.tag != Tag::Obj) {
    if (a.tag == Tag::None && b.tag == Tag::None) return 1;
    if (is_user_instance(a) || is_user_instance(b)) goto user;
    return 0;
  }
  // An object equals itself without being asked (CPython's
  // PyObject_RichCompareBool): `x in [x]` never calls x.__eq__.
  if (a.o == b.o) return 1;
  if (a.o->kind == b.o->kind) {
    NativeDepth depth;
    if (!depth.ok) {
      raise(I, types().RecursionError, "maximum recursion depth exceeded in comparison");
      return -1;
    }
    Kind k = a.o->kind;
    if ((k == Kind::List || k == Kind::Tuple || k == Kind::Dict) && !native_step(I)) return -1;
    switch (a.o->kind) {
      case Kind::Str:
        // A long comparison is work the limits must see (`t in [s] * 10**6`).
        if (as_str(a)->nbytes == as_str(b)->nbytes &&
            !sandbox::charge_compare(I, as_str(a)->nbytes))
          return -1;
        return str_equal(as_str(a), as_str(b));
      case Kind::Bytes:
        if (static_cast<Bytes*>(a.o)->nbytes == static_cast<Bytes*>(b.o)->nbytes &&
            !sandbox::charge_compare(I, static_cast<Bytes*>(a.o)->nbytes))
          return -1;
        return static_cast<Bytes*>(a.o)->view() == static_cast<Bytes*>(b.o)->view();
      case Kind::List: {
        auto& x = as_list(a)->items;
        auto& y = as_list(b)->items;
        return seq_equal(I, x.data(), x.size(), y.data(), y.size());
      }
      case Kind::Tuple:
        return seq_equal(I, as_tuple(a)->items(), as_tuple(a)->size, as_tuple(b)->items(),
                         as_tuple(b)->size);
      case Kind::Dict: {
        Dict* x = as_dict(a);
        Dict* y = as_dict(b);
        if (x->table.used != y->table.used) return 0;
        for (auto& e : x->table.entries) {
          if (e.key.is_undef()) continue;
          bool err;
          Value other = dict_get(I, y, e.key, err);
          if (err) return -1;
          if (other.is_undef()) return 0;
          int r = equals(I, e.value, other);
          if (r <= 0) return r;
        }
        return 1;
      }
      case Kind::Range:
        return range_equal(static_cast<Range*>(a.o), static_cast<Range*>(b.o));
      default:
        break;
    }
  }
  if ((is_set_view(a) && (is_set_like(b) || is_set_view(b))) ||
      (is_set_view(b) && is_set_like(a))) {
    Value x = is_set_view(a) ? view_to_set(I, a) : (incref(a), a);
    if (x.is_undef()) return -1;
    Value y = is_set_view(b) ? view_to_set(I, b) : (incref(b), b);
    if (y.is_undef()) {
      decref(x);
      return -1;
    }
    int r = equals(I, x, y);
    decref(x);
    decref(y);
    return r;
  }
  if (is_set_like(a) && is_set_like(b)) {
    Set* x = as_set(a);
    Set* y = as_set(b);
    if (x->table.used != y->table.used) return 0;
    for (auto& e : x->table.entries) {
      if (e.key.is_undef()) continue;
      int r = set_contains(I, y, e.key);
      if (r <= 0) return r;
    }
    return 1;
  }
  if (a.o->kind == Kind::BoundMethod && b.o->kind == Kind::BoundMethod) {
    auto* x = static_cast<BoundMethod*>(a.o);
    auto* y = static_cast<BoundMethod*>(b.o);
    return x->self.o == y->self.o && x->func.o == y->func.o;
  }
user : {
  Value r = special_compare(I, kEq, a, b);
  if (r.is_exc()) return -1;
  if (!r.is_undef()) {
    int t = truthy(I, r);
    decref(r);
    return t;
  }
}
  return a.tag == Tag::Obj && b.tag == Tag::Obj && a.o == b.o;
}

static const char* cmp_symbol(int op) {
  static const char* names[] = {"==", "!=", "<", "<=", ">", ">="};
  return names[op];
}

static Value order_error(Isolate& I, int op, Value a, Value b) {
  return raise(I, types().TypeError,
               std::string("'") + cmp_symbol(op) + "' not supported between instances of '" +
                   type_name(a) + "' and '" + type_name(b) + "'");
}

// Three-way comparison for ordering; returns -2 on error (exception set),
// 2 for unordered (NaN).
static int order(Isolate& I, int op, Value a, Value b) {
  int cmp;
  if (!sandbox::charge_int_compare(I, a, b)) return -2;
  if (numeric_compare(a, b, cmp)) return cmp;
  if (a.tag == Tag::Obj && b.tag == Tag::Obj) {
    Kind ka = a.o->kind, kb = b.o->kind;
    if (ka == Kind::Str && kb == Kind::Str) {
      if (!sandbox::charge_compare(I, std::min(as_str(a)->nbytes, as_str(b)->nbytes))) return -2;
      int c = as_str(a)->view().compare(as_str(b)->view());
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (ka == Kind::Bytes && kb == Kind::Bytes) {
      if (!sandbox::charge_compare(
              I, std::min(static_cast<Bytes*>(a.o)->nbytes, static_cast<Bytes*>(b.o)->nbytes)))
        return -2;
      int c = static_cast<Bytes*>(a.o)->view().compare(static_cast<Bytes*>(b.o)->view());
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
  }
  order_error(I, op, a, b);
  return -2;
}

// Lists and tuples order by their first unequal items, compared with the
// operator itself (so a user class's __lt__ decides, as in CPython), else by
// their lengths. Sizes are read anew after each __eq__, which may change a list.
static Value sequence_order(Isolate& I, int op, Value a, Value b) {
  NativeDepth depth;
  if (!depth.ok)
    return raise(I, types().RecursionError, "maximum recursion depth exceeded in comparison");
  if (!native_step(I)) return Value::exc();
  auto size = [](Value s) {
    return s.o->kind == Kind::List ? as_list(s)->items.size() : as_tuple(s)->size;
  };
  auto item = [](Value s, std::size_t i) {
    return s.o->kind == Kind::List ? as_list(s)->items[i] : as_tuple(s)->items()[i];
  };
  for (std::size_t i = 0; i < size(a) && i < size(b); ++i) {
    Value x = item(a, i);
    Value y = item(b, i);
    incref(x);
    incref(y);
    int e = equals(I, x, y);
    Value r = e < 0 ? Value::exc() : e == 0 ? compare_op(I, op, x, y) : Value();
    decref(x);
    decref(y);
    if (!r.is_undef()) return r;
  }
  std::size_t nx = size(a), ny = size(b);
  switch (op) {
    case kLt:
      return Value::boolean(nx < ny);
    case kLe:
      return Value::boolean(nx <= ny);
    case kGt:
      return Value::boolean(nx > ny);
    default:
      return Value::boolean(nx >= ny);
  }
}

static Value set_compare(Isolate& I, int op, Value a, Value b) {
  Set* x = as_set(a);
  Set* y = as_set(b);
  auto subset = [&](Set* p, Set* q) -> int {
    if (p->table.used > q->table.used) return 0;
    for (auto& e : p->table.entries) {
      if (e.key.is_undef()) continue;
      int r = set_contains(I, q, e.key);
      if (r <= 0) return r;
    }
    return 1;
  };
  int r;
  switch (op) {
    case kLe:
      r = subset(x, y);
      break;
    case kGe:
      r = subset(y, x);
      break;
    case kLt:
      r = x->table.used < y->table.used ? subset(x, y) : 0;
      break;
    default:
      r = y->table.used < x->table.used ? subset(y, x) : 0;
      break;
  }
  if (r < 0) return Value::exc();
  return Value::boolean(r);
}

Value compare_op(Isolate& I, int op, Value a, Value b) {
  if (op == kEq || op == kNe) {
    // What __eq__ / __ne__ return is the value of == / != (not its truth), as
    // in CPython: a query builder's `field == 1` is a criterion object.
    if (is_user_instance(a) || is_user_instance(b)) {
      Value r = special_compare(I, op, a, b);
      if (!r.is_undef()) return r;
      bool same = a.tag == Tag::Obj && b.tag == Tag::Obj && a.o == b.o;
      return Value::boolean(op == kEq ? same : !same);
    }
    int e = equals(I, a, b);
    if (e < 0) return Value::exc();
    return Value::boolean(op == kEq ? e : !e);
  }
  if (is_set_like(a) && is_set_like(b)) return set_compare(I, op, a, b);
  if ((is_set_view(a) && (is_set_like(b) || is_set_view(b))) ||
      (is_set_view(b) && is_set_like(a))) {
    // A keys/items view orders against sets and views as the set of its
    // elements (CPython's dictview_richcompare).
    Value x = is_set_view(a) ? view_to_set(I, a) : (incref(a), a);
    if (x.is_undef()) return Value::exc();
    Value y = is_set_view(b) ? view_to_set(I, b) : (incref(b), b);
    if (y.is_undef()) {
      decref(x);
      return Value::exc();
    }
    Value r = set_compare(I, op, x, y);
    decref(x);
    decref(y);
    return r;
  }
  if (is_user_instance(a) || is_user_instance(b)) {
    Value r = special_compare(I, op, a, b);
    if (!r.is_undef()) return r;
    return order_error(I, op, a, b);
  }
  if (a.tag == Tag::Obj && b.tag == Tag::Obj &&
      ((a.o->kind == Kind::List && b.o->kind == Kind::List) ||
       (a.o->kind == Kind::Tuple && b.o->kind == Kind::Tuple)))
    return sequence_order(I, op, a, b);
  int c = order(I, op, a, b);
  if (c == -2) return Value::exc();
  if (c == 2) return Value::boolean(false);
  switch (op) {
    case kLt:
      return Value::boolean(c < 0);
    case kLe:
      return Value::boolean(c <= 0);
    case kGt:
      return Value::boolean(c > 0);
    default:
      return Value::boolean(c >= 0);
  }
}

int less_than(Isolate& I, Value a, Value b) {
  if (a.tag == Tag::Int && b.tag == Tag::Int) return a.i < b.i;
  Value r = compare_op(I, kLt, a, b);
  if (r.is_exc()) return -1;
  int t = truthy(I, r);
  decref(r);
  return t;
}

// ---------------------------------------------------------------- arithmetic

static const char* op_symbol(int op, bool inplace) {
  static const char* names[] = {"+",  "-",  "*", "@", "/", "%", "** or pow()",
                                "<<", ">>", "|", "^", "&", "//"};
  static const char* inames[] = {
      "+=", "-=", "*=", "@=", "/=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&=", "//="};
  return inplace ? inames[op] : names[op];
}

static Value unsupported(Isolate& I, int op, Value a, Value b, bool inplace) {
  return raise(I, types().TypeError,
               std::string("unsupported operand type(s) for ") + op_symbol(op, inplace) + ": '" +
                   type_name(a) + "' and '" + type_name(b) + "'");
}

// Float arithmetic as CPython (signs of // and %, pow's errors): the numeric
// library's float_ops; only + - * are done inline.
static Value float_op(Isolate& I, int op, double x, double y) {
  double r = 0;
  switch (op) {
    case kAdd:
      return Value::real(x + y);
    case kSub:
      return Value::real(x - y);
    case kMul:
      return Value::real(x * y);
    case kTrueDiv:
      if (!guarded(I, [&] { r = numeric::float_true_div(x, y); })) return Value::exc();
      return Value::real(r);
    case kFloorDiv:
      if (!guarded(I, [&] { r = numeric::float_floor_div(x, y); })) return Value::exc();
      return Value::real(r);
    case kMod:
      if (!guarded(I, [&] { r = numeric::float_mod(x, y); })) return Value::exc();
      return Value::real(r);
    case kPow:
      if (!guarded(I, [&] { r = numeric::float_pow(x, y); })) return Value::exc();
      return Value::real(r);
    default:
      return Value();
  }
}

// The int64 fast path (numeric/int64_ops.h); a result leaving int64 is redone
// on big ints.
static Value int_op(Isolate& I, int op, std::int64_t a, std::int64_t b) {
  std::optional<std::int64_t> r;
  double d = 0;
  bool ok = guarded(I, [&] {
    switch (op) {
      case kAdd:
        r = numeric::checked_add(a, b);
        break;
      case kSub:
        r = numeric::checked_sub(a, b);
        break;
      case kMul:
        r = numeric::checked_mul(a, b);
        break;
      case kTrueDiv:
        d = numeric::int64_true_div(a, b);
        break;
      case kFloorDiv:
        r = numeric::floor_div(a, b);
        break;
      case kMod:
        r = numeric::floor_mod(a, b);
        break;
      case kPow:
        if (b < 0)
          d = numeric::float_pow(static_cast<double>(a), static_cast<double>(b));
        else
          r = numeric::checked_pow(a, b);
        break;
      case kLShift:
        r = numeric::checked_lshift(a, b);
        break;
      case kRShift:
        r = numeric::rshift(a, b);
        break;
      case kOr:
        r = a | b;
        break;
      case kXor:
        r = a ^ b;
        break;
      case kAnd:
        r = a & b;
        break;
      default:
        break;
    }
  });
  if (!ok) return Value::exc();
  if (op == kTrueDiv || (op == kPow && b < 0)) return Value::real(d);
  if (r) return Value::integer(*r);
  if (op == kMatMul) return Value();
  return bigint_binary(I, op, Value::integer(a), Value::integer(b));
}

static Value seq_repeat(Isolate& I, Value seq, std::int64_t n) {
  if (n < 0) n = 0;
  if (is_str(seq)) return str_repeat(I, as_str(seq), n);
  if (is_kind(seq, Kind::Bytes)) {
    std::string_view raw = static_cast<Bytes*>(seq.o)->view();
    if (!raw.empty() && (static_cast<std::uint64_t>(n) > (1ull << 40) / raw.size() ||
                         !I.heap.would_fit(raw.size() * static_cast<std::size_t>(n))))
      return raise_no_args(I, types().MemoryError);
    std::string out;
    out.reserve(raw.size() * static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n; ++k) out += raw;
    return new_bytes(I, out);
  }
  const Value* items;
  std::size_t size;
  if (is_list(seq)) {
    items = as_list(seq)->items.data();
    size = as_list(seq)->items.size();
  } else {
    items = as_tuple(seq)->items();
    size = as_tuple(seq)->size;
  }
  if (size && static_cast<std::uint64_t>(n) > (1ull << 40) / size)
    return raise_no_args(I, types().MemoryError);
  std::size_t total = size * static_cast<std::size_t>(n);
  if (!I.heap.would_fit(total * sizeof(Value))) return raise_no_args(I, types().MemoryError);
  if (is_list(seq)) {
    List* l = alloc_list(I, total);
    for (std::int64_t k = 0; k < n; ++k)
      for (std::size_t i = 0; i < size; ++i) {
        incref(items[i]);
        l->items.push_back(items[i]);
      }
    return Value::object(l);
  }
  Tuple* t = alloc_tuple(I, total);
  for (std::int64_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < size; ++i) {
      incref(items[i]);
      t->items()[k * size + i] = items[i];
    }
  return Value::object(t);
}

static Value set_op(Isolate& I, int op, Value a, Value b) {
  Set* x = as_set(a);
  Set* y = as_set(b);
  Set* r = alloc_set(I, a.o->kind);
  Value rv = Value::object(r);
  auto add = [&](Value k) { return set_add(I, r, k); };
  // Both operands in CPython's slot order, as its set_merge copies them.
  for (const HashTable::Entry* e : set_iteration_order(x->table)) {
    int in = set_contains(I, y, e->key);
    if (in < 0) {
      decref(rv);
      return Value::exc();
    }
    bool keep = op == kOr || (op == kAnd && in) || ((op == kSub || op == kXor) && !in);
    if (keep && !add(e->key)) {
      decref(rv);
      return Value::exc();
    }
  }
  if (op == kOr || op == kXor) {
    for (const HashTable::Entry* e : set_iteration_order(y->table)) {
      int in = set_contains(I, x, e->key);
      if (in < 0) {
        decref(rv);
        return Value::exc();
      }
      if (!in && !add(e->key)) {
        decref(rv);
        return Value::exc();
      }
    }
  }
  return rv;
}

// list += iterable: extends in place.
static Value list_extend_in_place(Isolate& I, Value a, Value b) {
  Value it = get_iter(I, b);
  if (it.is_exc()) return it;
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_exc()) {
      decref(it);
      return x;
    }
    if (x.is_undef()) break;
    // The storage doubles: the new buffer must fit beside the old one.
    const std::size_t capacity = as_list(a)->items.capacity();
    if (as_list(a)->items.size() == capacity &&
        !sandbox::room_for(I, std::max<std::size_t>(4, 2 * capacity) * sizeof(Value))) {
      decref(x);
      decref(it);
      return Value::exc();
    }
    list_append(I, as_list(a), x);
  }
  decref(it);
  incref(a);
  return a;
}

Value binary_op(Isolate& I, int op, Value a, Value b, bool inplace) {
  // Numbers.
  if (is_number(a) && is_number(b)) {
    if (is_kind(a, Kind::BigInt) || is_kind(b, Kind::BigInt)) {
      if (a.tag == Tag::Float || b.tag == Tag::Float) {
        if (op == kLShift || op == kRShift || op == kOr || op == kXor || op == kAnd ||
            op == kMatMul)
          return unsupported(I, op, a, b, inplace);
        double x, y;
        if (!to_double(I, a, x) || !to_double(I, b, y)) return Value::exc();
        return float_op(I, op, x, y);
      }
      if (op == kTrueDiv) return bigint_true_div(I, a, b);
      return bigint_binary(I, op, a, b);
    }
    if (a.tag == Tag::Float || b.tag == Tag::Float) {
      if (op == kLShift || op == kRShift || op == kOr || op == kXor || op == kAnd || op == kMatMul)
        return unsupported(I, op, a, b, inplace);
      double x = a.tag == Tag::Float ? a.f : static_cast<double>(a.tag == Tag::Int ? a.i : a.b);
      double y = b.tag == Tag::Float ? b.f : static_cast<double>(b.tag == Tag::Int ? b.i : b.b);
      return float_op(I, op, x, y);
    }
    std::int64_t x = a.tag == Tag::Int ? a.i : a.b;
    std::int64_t y = b.tag == Tag::Int ? b.i : b.b;
    if (a.tag == Tag::Bool && b.tag == Tag::Bool && (op == kOr || op == kAnd || op == kXor)) {
      Value r = int_op(I, op, x, y);
      return Value::boolean(r.i != 0);
    }
    if (op == kMatMul) return unsupported(I, op, a, b, inplace);
    return int_op(I, op, x, y);
  }
  // Sequences.
  if (op == kAdd && a.tag == Tag::Obj && b.tag == Tag::Obj) {
    if (a.o->kind == Kind::Str && b.o->kind == Kind::Str)
      return str_concat(I, as_str(a), as_str(b));
    if (a.o->kind == Kind::List && b.o->kind == Kind::List) {
      if (inplace) {
        List* l = as_list(a);
        auto& src = as_list(b)->items;
        std::vector<Value> copy(src.begin(), src.end());
        for (Value v : copy) {
          incref(v);
          list_append(I, l, v);
        }
        incref(a);
        return a;
      }
      auto& x = as_list(a)->items;
      auto& y = as_list(b)->items;
      if (!sandbox::room_for(I, (x.size() + y.size()) * sizeof(Value))) return Value::exc();
      List* l = alloc_list(I, x.size() + y.size());
      for (Value v : x) {
        incref(v);
        l->items.push_back(v);
      }
      for (Value v : y) {
        incref(v);
        l->items.push_back(v);
      }
      return Value::object(l);
    }
    if (a.o->kind == Kind::Tuple && b.o->kind == Kind::Tuple) {
      Tuple* x = as_tuple(a);
      Tuple* y = as_tuple(b);
      if (!sandbox::room_for(I, (x->size + y->size) * sizeof(Value))) return Value::exc();
      Tuple* t = alloc_tuple(I, x->size + y->size);
      for (std::size_t i = 0; i < x->size; ++i) {
        incref(x->items()[i]);
        t->items()[i] = x->items()[i];
      }
      for (std::size_t i = 0; i < y->size; ++i) {
        incref(y->items()[i]);
        t->items()[x->size + i] = y->items()[i];
      }
      return Value::object(t);
    }
    if (a.o->kind == Kind::Bytes && b.o->kind == Kind::Bytes) {
      std::string s(static_cast<Bytes*>(a.o)->view());
      s += static_cast<Bytes*>(b.o)->view();
      return new_bytes(I, s);
    }
  }
  if (op == kAdd && inplace && is_list(a) && b.tag == Tag::Obj && !is_user_instance(b))
    return list_extend_in_place(I, a, b);
  if (op == kOr && inplace && is_dict(a)) {
    // dict |= x is dict.update(x), asked before x's __ror__ (CPython's dict_ior).
    if (!dict_update_from(I, as_dict(a), b)) return Value::exc();
    incref(a);
    return a;
  }
  if (inplace && op == kMul && is_list(a) && (b.tag == Tag::Int || b.tag == Tag::Bool)) {
    Value r = seq_repeat(I, a, b.tag == Tag::Int ? b.i : b.b);
    if (r.is_exc()) return r;
    std::vector<Value> fresh;
    fresh.swap(as_list(r)->items);
    list_sync_charge(I, as_list(r));  // r's storage now belongs to `fresh`
    decref(r);
    std::vector<Value> old;
    old.swap(as_list(a)->items);
    as_list(a)->items = std::move(fresh);
    list_sync_charge(I, as_list(a));
    for (Value v : old) decref(v);
    incref(a);
    return a;
  }
  if (inplace && is_kind(a, Kind::Set) && is_set_like(b) &&
      (op == kOr || op == kAnd || op == kSub || op == kXor)) {
    Value r = set_op(I, op, a, b);
    if (r.is_exc()) return r;
    std::swap(as_set(a)->table, as_set(r)->table);
    decref(r);
    incref(a);
    return a;
  }
  bool a_seq = is_str(a) || is_list(a) || is_tuple(a) || is_kind(a, Kind::Bytes);
  bool b_seq = is_str(b) || is_list(b) || is_tuple(b) || is_kind(b, Kind::Bytes);
  if (op == kMul) {
    if (a_seq && (b.tag == Tag::Int || b.tag == Tag::Bool))
      return seq_repeat(I, a, b.tag == Tag::Int ? b.i : b.b);
    if (b_seq && (a.tag == Tag::Int || a.tag == Tag::Bool))
      return seq_repeat(I, b, a.tag == Tag::Int ? a.i : a.b);
    if (a_seq && is_kind(b, Kind::BigInt))
      return raise(I, types().OverflowError, "cannot fit 'int' into an index-sized integer");
    if ((a_seq && !is_user_instance(b)) || (b_seq && !is_user_instance(a))) {
      return raise(I, types().TypeError,
                   "can't multiply sequence by non-int of type '" + type_name(a_seq ? b : a) + "'");
    }
  }
  if (op == kMod && is_str(a)) return percent_format(I, as_str(a), b);
  if (op == kMod && is_kind(a, Kind::Bytes)) return bytes_percent_format(I, a, b);
  if (is_set_like(a) && is_set_like(b) && (op == kOr || op == kAnd || op == kSub || op == kXor))
    return set_op(I, op, a, b);
  if ((op == kOr || op == kAnd || op == kSub || op == kXor) && (is_set_view(a) || is_set_view(b))) {
    // CPython's dict views take any iterable on either side (a view on the
    // right is asked after a user class's __or__...; on the left it answers
    // first, so a right operand's __ror__ is never asked). The result is
    // always a set, whatever the operands' order.
    if (!is_set_view(a) && is_user_instance(a)) {
      Value r = special_binary_op(I, op, a, b, inplace);
      if (!r.is_undef()) return r;
    }
    Value x = is_set_like(a) ? (incref(a), a) : view_to_set(I, a);
    if (x.is_undef()) return Value::exc();
    Value y = is_set_like(b) ? (incref(b), b) : view_to_set(I, b);
    if (y.is_undef()) {
      decref(x);
      return Value::exc();
    }
    if (is_kind(x, Kind::FrozenSet)) {
      // set_op keeps the left operand's kind; a view's result is a plain set.
      Value copy = view_to_set(I, x);
      decref(x);
      if (copy.is_undef()) {
        decref(y);
        return Value::exc();
      }
      x = copy;
    }
    Value r = set_op(I, op, x, y);
    decref(x);
    decref(y);
    return r;
  }
  if (op == kOr && is_dict(a) && is_dict(b)) {
    Dict* d = alloc_dict(I);
    for (Dict* src : {as_dict(a), as_dict(b)})
      for (auto& e : src->table.entries)
        if (!e.key.is_undef() && !dict_set(I, d, e.key, e.value)) {
          decref(Value::object(d));
          return Value::exc();
        }
    return Value::object(d);
  }
  // User classes.
  if (is_user_instance(a) || is_user_instance(b)) {
    Value r = special_binary_op(I, op, a, b, inplace);
    if (!r.is_undef()) return r;
  }
  // Neither operand answered: CPython's sequence fallbacks (list += a user
  // iterable extends; a sequence repeats by a user __index__), whose errors
  // name the other operand in their own words.
  if (op == kAdd && inplace && is_list(a)) return list_extend_in_place(I, a, b);
  if (op == kMul && (a_seq || b_seq)) {
    Value count = a_seq ? b : a;
    bool found = false;
    Value n =
        is_user_instance(count) ? call_special(I, count, "__index__", nullptr, 0, found) : Value();
    if (found) {
      if (n.is_exc()) return n;
      if (n.tag != Tag::Int) {
        std::string msg = "__index__ returned non-int (type " + type_name(n) + ")";
        decref(n);
        return raise(I, types().TypeError, msg);
      }
      return seq_repeat(I, a_seq ? a : b, n.i);
    }
  }
  if (op == kMul && (a_seq || b_seq))
    return raise(I, types().TypeError,
                 "can't multiply sequence by non-int of type '" + type_name(a_seq ? b : a) + "'");
  if (op == kAdd && is_kind(a, Kind::Bytes))
    return raise(I, types().TypeError, "can't concat " + type_name(b) + " to bytes");
  if (op == kAdd && is_str(a)) {
    return raise(I, types().TypeError,
                 "can only concatenate str (not \"" + type_name(b) + "\") to str");
  }
  if (op == kAdd && (is_list(a) || is_tuple(a))) {
    return raise(I, types().TypeError,
                 "can only concatenate " + type_name(a) + " (not \"" + type_name(b) + "\") to " +
                     type_name(a));
  }
  return unsupported(I, op, a, b, inplace);
}

Value negate(Isolate& I, Value v) {
  switch (v.tag) {
    case Tag::Int:
      if (v.i == INT64_MIN) return bigint_binary(I, kSub, Value::integer(0), v);
      return Value::integer(-v.i);
    case Tag::Bool:
      return Value::integer(-static_cast<int>(v.b));
    case Tag::Float:
      return Value::real(-v.f);
    default:
      break;
  }
  if (is_kind(v, Kind::BigInt)) return bigint_binary(I, kSub, Value::integer(0), v);
  bool found;
  Value r = call_special(I, v, "__neg__", nullptr, 0, found);
  if (found) return r;
  return raise(I, types().TypeError, "bad operand type for unary -: '" + type_name(v) + "'");
}

Value positive(Isolate& I, Value v) {
  switch (v.tag) {
    case Tag::Int:
    case Tag::Float:
      return v;
    case Tag::Bool:
      return Value::integer(v.b);
    default:
      break;
  }
  if (is_kind(v, Kind::BigInt)) {
    incref(v);
    return v;
  }
  bool found;
  Value r = call_special(I, v, "__pos__", nullptr, 0, found);
  if (found) return r;
  return raise(I, types().TypeError, "bad operand type for unary +: '" + type_name(v) + "'");
}

Value invert(Isolate& I, Value v) {
  if (v.tag == Tag::Int) return Value::integer(~v.i);
  if (v.tag == Tag::Bool) return Value::integer(~static_cast<std::int64_t>(v.b));
  if (is_kind(v, Kind::BigInt)) return bigint_binary(I, kSub, Value::integer(-1), v);
  bool found;
  Value r = call_special(I, v, "__invert__", nullptr, 0, found);
  if (found) return r;
  return raise(I, types().TypeError, "bad operand type for unary ~: '" + type_name(v) + "'");
}

int contains(Isolate& I, Value container, Value item) {
  if (container.tag == Tag::Obj) {
    switch (container.o->kind) {
      case Kind::Str:
        if (!is_str(item)) {
          raise(I, types().TypeError,
                "'in <string>' requires string as left operand, not " + type_name(item));
          return -1;
        }
        return find_substring(as_str(container)->view(), as_str(item)->view()) !=
               std::string_view::npos;
      case Kind::Bytes:
        if (is_kind(item, Kind::Bytes))
          return static_cast<Bytes*>(container.o)
                     ->view()
                     .find(static_cast<Bytes*>(item.o)->view()) != std::string_view::npos;
        if (item.tag == Tag::Int || item.tag == Tag::Bool) {
          std::int64_t byte = item.tag == Tag::Int ? item.i : item.b;
          if (byte < 0 || byte > 255) {
            raise(I, types().ValueError, "byte must be in range(0, 256)");
            return -1;
          }
          return static_cast<Bytes*>(container.o)->view().find(static_cast<char>(byte)) !=
                 std::string_view::npos;
        }
        raise(I, types().TypeError,
              "a bytes-like object is required, not '" + type_name(item) + "'");
        return -1;
      case Kind::List:
      case Kind::Tuple: {
        const Value* items =
            is_list(container) ? as_list(container)->items.data() : as_tuple(container)->items();
        std::size_t n =
            is_list(container) ? as_list(container)->items.size() : as_tuple(container)->size;
        for (std::size_t i = 0; i < n; ++i) {
          if (items[i].tag == Tag::Obj && item.tag == Tag::Obj && items[i].o == item.o) return 1;
          // A long scan is seen by the deadline within a few thousand items.
          if ((i & 4095) == 4095 && !sandbox::poll_work(I)) return -1;
          int e = equals(I, items[i], item);
          if (e != 0) return e;
          if (is_list(container)) n = std::min(n, as_list(container)->items.size());
        }
        return 0;
      }
      case Kind::Dict: {
        bool err;
        Value v = dict_get(I, as_dict(container), item, err);
        if (err) return -1;
        return !v.is_undef();
      }
      case Kind::Set:
      case Kind::FrozenSet:
        return set_contains(I, as_set(container), item);
      case Kind::DictView: {
        auto* dv = static_cast<DictView*>(container.o);
        if (dv->which == ViewKind::Keys) return contains(I, dv->dict, item);
        break;
      }
      case Kind::Range:
        if (item.tag == Tag::Int || item.tag == Tag::Bool || is_kind(item, Kind::BigInt))
          return range_contains_int(static_cast<Range*>(container.o), item);
        break;
      case Kind::Instance: {
        bool found;
        Value r = call_special(I, container, "__contains__", &item, 1, found);
        if (found) {
          if (r.is_exc()) return -1;
          int t = truthy(I, r);
          decref(r);
          return t;
        }
        break;
      }
      default:
        break;
    }
  }
  Value it = get_iter(I, container);
  if (it.is_exc()) {
    if (isinstance(I.pending, types().TypeError)) {
      decref(I.pending);
      I.pending = Value();
      raise(I, types().TypeError,
            "argument of type '" + type_name(container) + "' is not iterable");
    }
    return -1;
  }
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_exc()) {
      decref(it);
      return -1;
    }
    if (x.is_undef()) break;
    int e = equals(I, x, item);
    decref(x);
    if (e != 0) {
      decref(it);
      return e;
    }
  }
  decref(it);
  return 0;
}

}  // namespace quire::lang
