// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Calls, attributes, subscripts and iteration for every kind of value.

#include <algorithm>
#include <cstring>

#include "lang/object/bigint.h"
#include "lang/object/range.h"
#include "lang/object/runtime.h"
#include "lang/sandbox/work.h"
#include "lang/vm/interp.h"

namespace quire::lang {

namespace {

// Names dir(obj) would list, sorted (candidates for "Did you mean").
std::vector<std::string_view> attribute_names(Value obj) {
  std::vector<std::string_view> names;
  auto add_dict = [&](const Dict* d) {
    if (!d) return;
    for (auto& e : d->table.entries)
      if (is_str(e.key)) names.push_back(as_str(e.key)->view());
  };
  if (is_kind(obj, Kind::Module)) {
    add_dict(static_cast<Module*>(obj.o)->attrs);
  } else {
    if (is_kind(obj, Kind::Instance)) add_dict(static_cast<Instance*>(obj.o)->attrs);
    for (const Type* t = is_kind(obj, Kind::Type) ? static_cast<Type*>(obj.o) : type_of(obj); t;
         t = t->base)
      add_dict(t->dict);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Value attr_error(Isolate& I, Value obj, Str* name) {
  std::string n(name->view());
  if (is_kind(obj, Kind::Type)) {
    raise(I, types().AttributeError,
          "type object '" + static_cast<Type*>(obj.o)->name + "' has no attribute '" + n + "'");
  } else if (is_kind(obj, Kind::Module)) {
    raise(I, types().AttributeError,
          "module '" + static_cast<Module*>(obj.o)->name + "' has no attribute '" + n + "'");
  } else {
    raise(I, types().AttributeError,
          "'" + type_name(obj) + "' object has no attribute '" + n + "'");
  }
  if (is_kind(I.pending, Kind::Instance))
    static_cast<Instance*>(I.pending.o)->suggestion = suggest_name(n, attribute_names(obj));
  return Value::exc();
}

// Builds an instance of a class (user class or exception class).
Value construct_instance(Isolate& I, Type* cls, Value* args, std::size_t nargs,
                         const Tuple* kwnames) {
  cls = oserror_class_for(cls, args, nargs);
  Instance* in = I.heap.make<Instance>();
  incref(Value::object(cls));
  in->cls = cls;
  Value self = Value::object(in);
  if (cls->is_exception) {
    in->args = new_tuple_from(I, args, nargs);
    if (!oserror_split_args(I, in, args, nargs)) {
      decref(self);
      return Value::exc();
    }
  }
  Value init = type_lookup(cls, "__init__");
  if (!init.is_undef() && is_kind(init, Kind::Function)) {
    std::size_t total = nargs + (kwnames ? kwnames->size : 0);
    std::vector<Value> buf(total + 1);
    buf[0] = self;
    for (std::size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
    Value r = call(I, init, buf.data(), nargs + 1, kwnames);
    if (r.is_exc()) {
      decref(self);
      return r;
    }
    if (!r.is_none()) {
      decref(r);
      decref(self);
      return raise(I, types().TypeError,
                   "__init__() should return None, not '" + type_name(r) + "'");
    }
    return self;
  }
  if (kwnames && kwnames->size) {
    decref(self);
    return raise(I, types().TypeError, cls->name + "() takes no keyword arguments");
  }
  if (!cls->is_exception && nargs > 0) {
    decref(self);
    return raise(I, types().TypeError, cls->name + "() takes no arguments");
  }
  return self;
}

// Builds an instance of a user class derived from dict: a Dict that points
// to its class, filled by the class's __init__ or else by dict's own.
Value construct_dict_subclass(Isolate& I, Type* cls, Value* args, std::size_t nargs,
                              const Tuple* kwnames) {
  Dict* d = alloc_dict(I);
  incref(Value::object(cls));
  d->cls = cls;
  Value self = Value::object(d);
  Value init = type_lookup(cls, "__init__");
  std::size_t total = nargs + (kwnames ? kwnames->size : 0);
  std::vector<Value> buf(total + 1);
  buf[0] = self;
  for (std::size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  Value r = call(I, init, buf.data(), nargs + 1, kwnames);
  if (r.is_exc()) {
    decref(self);
    return r;
  }
  if (!r.is_none()) {
    decref(r);
    decref(self);
    return raise(I, types().TypeError, "__init__() should return None, not '" + type_name(r) + "'");
  }
  return self;
}

// A dict subclass may define __init__, __missing__ and ordinary methods; other
// special methods (__getitem__, __setitem__, __repr__, ...) would be bypassed
// by the dict fast paths, so they are refused rather than silently ignored.
bool check_dict_subclass_body(Isolate& I, Dict* ns, const std::string& name) {
  for (auto& e : ns->table.entries) {
    if (!is_str(e.key) || !is_kind(e.value, Kind::Function)) continue;
    std::string_view k = as_str(e.key)->view();
    bool dunder = k.size() > 4 && k.substr(0, 2) == "__" && k.substr(k.size() - 2) == "__";
    if (dunder && k != "__init__" && k != "__missing__") {
      raise(I, types().TypeError,
            "class '" + name + "' derived from dict may not define " + std::string(k) +
                " (only __init__ and __missing__ are supported)");
      return false;
    }
  }
  return true;
}

}  // namespace

Value call(Isolate& I, Value callable, Value* args, std::size_t nargs, const Tuple* kwnames) {
  if (callable.tag == Tag::Obj) {
    switch (callable.o->kind) {
      case Kind::Function:
        return call_python(I, static_cast<Function*>(callable.o), args, nargs, kwnames);
      case Kind::Native: {
        auto* n = static_cast<Native*>(callable.o);
        return n->fn(I, args, nargs, kwnames, n->data);
      }
      case Kind::BoundMethod: {
        auto* m = static_cast<BoundMethod*>(callable.o);
        std::size_t total = nargs + (kwnames ? kwnames->size : 0);
        Value small[8];
        std::vector<Value> big;
        Value* buf = small;
        if (total + 1 > 8) {
          big.resize(total + 1);
          buf = big.data();
        }
        buf[0] = m->self;
        for (std::size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
        return call(I, m->func, buf, nargs + 1, kwnames);
      }
      case Kind::Type: {
        auto* t = static_cast<Type*>(callable.o);
        if (t->construct) return t->construct(I, args, nargs, kwnames, t);
        if (t->is_user && t->instance_kind == Kind::Dict)
          return construct_dict_subclass(I, t, args, nargs, kwnames);
        if (t->is_user || t->is_exception) return construct_instance(I, t, args, nargs, kwnames);
        if (t == types().object) return construct_instance(I, t, args, nargs, kwnames);
        return raise(I, types().TypeError, "cannot create '" + t->name + "' instances");
      }
      case Kind::Instance: {
        if (is_user_instance(callable)) {
          Value fn = type_lookup(static_cast<Instance*>(callable.o)->cls, "__call__");
          if (!fn.is_undef()) {
            std::size_t total = nargs + (kwnames ? kwnames->size : 0);
            std::vector<Value> buf(total + 1);
            buf[0] = callable;
            for (std::size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
            return call(I, fn, buf.data(), nargs + 1, kwnames);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return raise(I, types().TypeError, "'" + type_name(callable) + "' object is not callable");
}

Value call0(Isolate& I, Value callable) {
  return call(I, callable, nullptr, 0, nullptr);
}
Value call1(Isolate& I, Value callable, Value a) {
  return call(I, callable, &a, 1, nullptr);
}

Value call_method(Isolate& I, Value obj, std::string_view name, Value* args, std::size_t nargs) {
  Value n = new_str(I, name);
  Value fn = get_attr(I, obj, as_str(n));
  decref(n);
  if (fn.is_exc()) return fn;
  Value r = call(I, fn, args, nargs, nullptr);
  decref(fn);
  return r;
}

// ---------------------------------------------------------------- attributes

static Value exception_attr(Isolate& I, Instance* in, std::string_view name, bool& found) {
  found = true;
  if (name == "args") {
    incref(in->args);
    return in->args;
  }
  if (name == "__cause__") {
    Value v = in->cause.is_undef() ? Value::none() : in->cause;
    incref(v);
    return v;
  }
  if (name == "__context__") {
    Value v = in->context.is_undef() ? Value::none() : in->context;
    incref(v);
    return v;
  }
  if (name == "__suppress_context__") return Value::boolean(in->suppress_context);
  if ((name == "errno" || name == "strerror" || name == "filename" || name == "filename2") &&
      is_subtype(in->cls, types().OSError)) {
    if (name[0] == 'f') return Value::none();  // set as an attribute when given
    Tuple* a = as_tuple(in->args);
    Value v = a->size >= 2 && a->size <= 5 ? a->items()[name == "errno" ? 0 : 1] : Value::none();
    incref(v);
    return v;
  }
  if (name == "value" && in->cls == types().StopIteration) {
    Tuple* a = as_tuple(in->args);
    Value v = a->size ? a->items()[0] : Value::none();
    incref(v);
    return v;
  }
  (void)I;
  found = false;
  return Value();
}

Value get_attr(Isolate& I, Value obj, Str* name) {
  std::string_view n = name->view();
  if (obj.tag == Tag::Obj) {
    switch (obj.o->kind) {
      case Kind::Instance: {
        auto* in = static_cast<Instance*>(obj.o);
        Value cv = type_lookup(in->cls, name);
        if (is_kind(cv, Kind::Property)) {
          auto* p = static_cast<Property*>(cv.o);
          if (p->mode == 1) return new_bound(I, Value::object(in->cls), p->getter);
          if (p->mode == 2) {
            incref(p->getter);
            return p->getter;
          }
          return call1(I, p->getter, obj);
        }
        if (in->attrs) {
          Value v = dict_get_str_hashed(in->attrs, n, str_hash(name));
          if (!v.is_undef()) {
            incref(v);
            return v;
          }
        }
        if (in->cls->is_exception) {
          bool found;
          Value v = exception_attr(I, in, n, found);
          if (found) return v;
        }
        if (!cv.is_undef()) {
          if (is_kind(cv, Kind::Function) || is_kind(cv, Kind::Native))
            return new_bound(I, obj, cv);
          incref(cv);
          return cv;
        }
        if (in->cls->is_user) {
          Value ga = type_lookup(in->cls, "__getattr__");
          if (!ga.is_undef()) {
            Value args[2] = {obj, Value::object(name)};
            return call(I, ga, args, 2, nullptr);
          }
        }
        return attr_error(I, obj, name);
      }
      case Kind::Dict: {
        // A dict subclass instance's own attributes come before its class's,
        // except properties (data descriptors), as CPython looks them up.
        Dict* attrs = as_dict(obj)->attrs;
        if (attrs && !is_kind(type_lookup(as_dict(obj)->cls, name), Kind::Property)) {
          Value v = dict_get_str_hashed(attrs, n, str_hash(name));
          if (!v.is_undef()) {
            incref(v);
            return v;
          }
        }
        break;
      }
      case Kind::Module: {
        auto* m = static_cast<Module*>(obj.o);
        Value v = m->attrs ? dict_get_str_hashed(m->attrs, n, str_hash(name)) : Value();
        if (v.is_undef()) return attr_error(I, obj, name);
        incref(v);
        return v;
      }
      case Kind::Type: {
        auto* t = static_cast<Type*>(obj.o);
        Value v = type_lookup(t, name);
        if (is_kind(v, Kind::Property) && static_cast<Property*>(v.o)->mode != 0) {
          auto* p = static_cast<Property*>(v.o);
          if (p->mode == 1) return new_bound(I, obj, p->getter);
          incref(p->getter);
          return p->getter;
        }
        if (!v.is_undef()) {
          incref(v);
          return v;
        }
        if (n == "__name__" || n == "__qualname__") {
          // Host classes carry the dotted name CPython prints in messages
          // ("datetime.date"); __name__ is its last part, as in CPython.
          std::string_view full = t->name;
          return new_str(I, full.substr(full.rfind('.') + 1));
        }
        return attr_error(I, obj, name);
      }
      case Kind::Super: {
        auto* s = static_cast<Super*>(obj.o);
        Value v = s->start->base ? type_lookup(s->start->base, n) : Value();
        if (v.is_undef()) {
          return raise(I, types().AttributeError,
                       "'super' object has no attribute '" + std::string(n) + "'");
        }
        if (is_kind(v, Kind::Property)) {
          auto* p = static_cast<Property*>(v.o);
          if (p->mode == 1) return new_bound(I, Value::object(type_of(s->self)), p->getter);
          if (p->mode == 2) {
            incref(p->getter);
            return p->getter;
          }
          return call1(I, p->getter, s->self);
        }
        if (is_kind(v, Kind::Function) || is_kind(v, Kind::Native)) return new_bound(I, s->self, v);
        incref(v);
        return v;
      }
      case Kind::Function:
        if (n == "__name__") return new_str(I, static_cast<Function*>(obj.o)->code->name);
        if (n == "__qualname__") return new_str(I, static_cast<Function*>(obj.o)->code->qualname);
        break;
      case Kind::Native:
        if (n == "__name__") return new_str(I, static_cast<Native*>(obj.o)->name);
        break;
      case Kind::Slice: {
        auto* s = static_cast<Slice*>(obj.o);
        Value v = n == "start" ? s->start : n == "stop" ? s->stop : n == "step" ? s->step : Value();
        if (!v.is_undef()) {
          incref(v);
          return v;
        }
        break;
      }
      case Kind::Range: {
        Value v = range_attribute(I, static_cast<Range*>(obj.o), n);
        if (!v.is_undef()) return v;
        break;
      }
      default:
        break;
    }
  }
  Type* t = type_of(obj);
  Value v = type_lookup(t, name);
  // Functions are found here only on dict subclasses (built-in types hold natives).
  if (is_kind(v, Kind::Native) || is_kind(v, Kind::Function)) return new_bound(I, obj, v);
  if (is_kind(v, Kind::Property)) {
    auto* p = static_cast<Property*>(v.o);
    if (p->mode == 1) return new_bound(I, Value::object(t), p->getter);  // classmethod
    if (p->mode == 2) {                                                  // staticmethod
      incref(p->getter);
      return p->getter;
    }
    return call1(I, p->getter, obj);
  }
  if (!v.is_undef()) {
    incref(v);
    return v;
  }
  if ((obj.tag == Tag::Float || obj.tag == Tag::Int || obj.tag == Tag::Bool ||
       is_kind(obj, Kind::BigInt))) {
    if (n == "real") {
      if (obj.tag == Tag::Bool) return Value::integer(obj.b);
      incref(obj);
      return obj;
    }
    if (n == "imag") return obj.tag == Tag::Float ? Value::real(0.0) : Value::integer(0);
    if (obj.tag != Tag::Float && n == "numerator") {
      if (obj.tag == Tag::Bool) return Value::integer(obj.b);
      incref(obj);
      return obj;
    }
    if (obj.tag != Tag::Float && n == "denominator") return Value::integer(1);
  }
  return attr_error(I, obj, name);
}

Value get_attr_default(Isolate& I, Value obj, Str* name, Value fallback) {
  Value v = get_attr(I, obj, name);
  if (v.is_exc() && isinstance(I.pending, types().AttributeError) && !I.uncatchable) {
    decref(I.pending);
    I.pending = Value();
    incref(fallback);
    return fallback;
  }
  return v;
}

bool lookup_method(Isolate& I, Value obj, Str* name, Value& out, bool& self_needed) {
  if (obj.tag == Tag::Obj) {
    Kind k = obj.o->kind;
    if (k == Kind::Instance || k == Kind::Module || k == Kind::Type || k == Kind::Super) {
      if (k == Kind::Instance) {
        auto* in = static_cast<Instance*>(obj.o);
        if (in->cls->is_user &&
            (!in->attrs ||
             dict_get_str_hashed(in->attrs, name->view(), str_hash(name)).is_undef())) {
          Value cv = type_lookup(in->cls, name);
          if (is_kind(cv, Kind::Function)) {
            incref(cv);
            out = cv;
            self_needed = true;
            return true;
          }
        }
      }
      Value v = get_attr(I, obj, name);
      if (v.is_exc()) return false;
      out = v;
      self_needed = false;
      return true;
    }
  }
  Value v = type_lookup(type_of(obj), name);
  if (is_kind(v, Kind::Native) &&
      !(is_dict(obj) && as_dict(obj)->attrs &&
        !dict_get_str_hashed(as_dict(obj)->attrs, name->view(), str_hash(name)).is_undef())) {
    out = v;  // immortal
    self_needed = true;
    return true;
  }
  v = get_attr(I, obj, name);
  if (v.is_exc()) return false;
  out = v;
  self_needed = false;
  return true;
}

namespace {

// obj.name = v where obj's class `cls` defines `name` as a property: its
// setter is called (AttributeError when it has none). -1 when `name` is not
// a property of cls; otherwise 1 set, 0 failed with the error pending.
int set_through_property(Isolate& I, const Type* cls, Value obj, Str* name, Value v) {
  Value pv = type_lookup(cls, name->view());
  if (!is_kind(pv, Kind::Property) || static_cast<Property*>(pv.o)->mode != 0) return -1;
  auto* p = static_cast<Property*>(pv.o);
  if (p->setter.is_none() || p->setter.is_undef()) {
    raise(
        I, types().AttributeError,
        "property '" + std::string(name->view()) + "' of '" + cls->name + "' object has no setter");
    return 0;
  }
  Value args[2] = {obj, v};
  Value r = call(I, p->setter, args, 2, nullptr);
  if (r.is_exc()) return 0;
  decref(r);
  return 1;
}

}  // namespace

bool set_attr(Isolate& I, Value obj, Str* name, Value v) {
  if (is_kind(obj, Kind::Instance)) {
    auto* in = static_cast<Instance*>(obj.o);
    // Process-wide host constants (date.min, timezone.utc) are shared by every
    // isolate: an attribute dict allocated here would outlive this isolate.
    if (in->flags & kImmortal) {
      raise(I, types().AttributeError,
            "'" + in->cls->name + "' object has no attribute '" + std::string(name->view()) + "'");
      return false;
    }
    // User classes, exceptions, and host instances (which carry an attribute dict).
    if (in->cls->is_user || in->cls->is_exception || in->attrs) {
      if (in->cls->is_user) {
        if (int set = set_through_property(I, in->cls, obj, name, v); set >= 0) return set;
        Value sa = type_lookup(in->cls, "__setattr__");
        if (is_kind(sa, Kind::Function)) {
          Value args[3] = {obj, Value::object(name), v};
          Value r = call(I, sa, args, 3, nullptr);
          if (r.is_exc()) return false;
          decref(r);
          return true;
        }
      }
      if (!in->attrs) in->attrs = alloc_dict(I);
      return dict_set(I, in->attrs, Value::object(name), v);
    }
  }
  if (is_dict(obj) && as_dict(obj)->cls) {
    Dict* d = as_dict(obj);
    if (int set = set_through_property(I, d->cls, obj, name, v); set >= 0) return set;
    if (!d->attrs) d->attrs = alloc_dict(I);
    return dict_set(I, d->attrs, Value::object(name), v);
  }
  // Host types (immortal, shared by every isolate) stay read-only even when
  // they use Python-class protocols.
  if (is_kind(obj, Kind::Type) && static_cast<Type*>(obj.o)->is_user &&
      !(obj.o->flags & kImmortal)) {
    return dict_set(I, static_cast<Type*>(obj.o)->dict, Value::object(name), v);
  }
  if (is_kind(obj, Kind::Module)) {
    auto* m = static_cast<Module*>(obj.o);
    if (!(m->flags & kImmortal)) {
      if (!m->attrs) m->attrs = alloc_dict(I);
      return dict_set(I, m->attrs, Value::object(name), v);
    }
  }
  Value existing = type_lookup(type_of(obj), name->view());
  if (!existing.is_undef() || is_kind(obj, Kind::Type)) {
    std::string tn = is_kind(obj, Kind::Type) ? static_cast<Type*>(obj.o)->name : type_name(obj);
    if (is_kind(obj, Kind::Type)) {
      raise(I, types().TypeError,
            "cannot set '" + std::string(name->view()) + "' attribute of immutable type '" + tn +
                "'");
    } else {
      raise(I, types().AttributeError,
            "'" + tn + "' object attribute '" + std::string(name->view()) + "' is read-only");
    }
    return false;
  }
  raise(I, types().AttributeError,
        "'" + type_name(obj) + "' object has no attribute '" + std::string(name->view()) + "'");
  return false;
}

bool del_attr(Isolate& I, Value obj, Str* name) {
  if (is_kind(obj, Kind::Instance)) {
    auto* in = static_cast<Instance*>(obj.o);
    if (in->attrs) {
      int r = dict_del(I, in->attrs, Value::object(name));
      if (r < 0) return false;
      if (r > 0) return true;
    }
  }
  if (is_dict(obj) && as_dict(obj)->attrs) {
    int r = dict_del(I, as_dict(obj)->attrs, Value::object(name));
    if (r < 0) return false;
    if (r > 0) return true;
  }
  attr_error(I, obj, name);
  return false;
}

// ---------------------------------------------------------------- subscripts

// Normalises slice bounds for a sequence of `length` (CPython's PySlice_AdjustIndices).
static bool slice_indices(Isolate& I, Slice* s, std::int64_t length, std::int64_t& start,
                          std::int64_t& stop, std::int64_t& step, std::int64_t& count) {
  step = 1;
  if (!s->step.is_none()) {
    if (!to_int64(I, s->step, step, "slice indices")) {
      decref(I.pending);
      I.pending = Value();
      raise(I, types().TypeError,
            "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    if (step == 0) {
      raise(I, types().ValueError, "slice step cannot be zero");
      return false;
    }
  }
  auto bound = [&](Value v, std::int64_t dflt, std::int64_t& out) {
    if (v.is_none()) {
      out = dflt;
      return true;
    }
    if (is_kind(v, Kind::BigInt)) {
      out = bigint_compare(v, Value::integer(0)) < 0 ? -length - 1 : length + 1;
    } else if (v.tag == Tag::Int || v.tag == Tag::Bool) {
      out = v.tag == Tag::Int ? v.i : v.b;
    } else {
      raise(I, types().TypeError,
            "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    if (out < 0) {
      out += length;
      if (out < 0) out = step < 0 ? -1 : 0;
    } else if (out >= length) {
      out = step < 0 ? length - 1 : length;
    }
    return true;
  };
  if (!bound(s->start, step < 0 ? length - 1 : 0, start)) return false;
  if (!bound(s->stop, step < 0 ? -1 : length, stop)) return false;
  if (step < 0) {
    count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  } else {
    count = start < stop ? (stop - start - 1) / step + 1 : 0;
  }
  return true;
}

static bool index_of(Isolate& I, Value key, std::int64_t size, std::int64_t& out,
                     const char* what) {
  std::int64_t i;
  if (key.tag == Tag::Int) {
    i = key.i;
  } else if (key.tag == Tag::Bool) {
    i = key.b;
  } else if (is_kind(key, Kind::BigInt)) {
    raise(I, types().IndexError, std::string("cannot fit 'int' into an index-sized integer"));
    return false;
  } else {
    raise(I, types().TypeError,
          std::string(what) + " indices must be integers or slices, not " + type_name(key));
    return false;
  }
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    raise(I, types().IndexError, std::string(what) + " index out of range");
    return false;
  }
  out = i;
  return true;
}

Value get_item(Isolate& I, Value obj, Value key) {
  if (obj.tag == Tag::Obj) {
    switch (obj.o->kind) {
      case Kind::List:
      case Kind::Tuple: {
        bool list = obj.o->kind == Kind::List;
        const Value* items = list ? as_list(obj)->items.data() : as_tuple(obj)->items();
        std::int64_t size = list ? static_cast<std::int64_t>(as_list(obj)->items.size())
                                 : static_cast<std::int64_t>(as_tuple(obj)->size);
        if (is_kind(key, Kind::Slice)) {
          std::int64_t start, stop, step, count;
          if (!slice_indices(I, static_cast<Slice*>(key.o), size, start, stop, step, count))
            return Value::exc();
          if (!sandbox::room_for(I, static_cast<std::size_t>(count) * sizeof(Value)))
            return Value::exc();
          if (list) {
            List* l = alloc_list(I, count);
            for (std::int64_t k = 0, i = start; k < count; ++k, i += step) {
              incref(items[i]);
              l->items.push_back(items[i]);
            }
            return Value::object(l);
          }
          Tuple* t = alloc_tuple(I, count);
          for (std::int64_t k = 0, i = start; k < count; ++k, i += step) {
            incref(items[i]);
            t->items()[k] = items[i];
          }
          return Value::object(t);
        }
        std::int64_t i;
        if (!index_of(I, key, size, i, list ? "list" : "tuple")) return Value::exc();
        incref(items[i]);
        return items[i];
      }
      case Kind::Str:
        return str_getitem(I, as_str(obj), key);
      case Kind::Bytes: {
        auto* b = static_cast<Bytes*>(obj.o);
        if (is_kind(key, Kind::Slice)) {
          std::int64_t start, stop, step, count;
          if (!slice_indices(I, static_cast<Slice*>(key.o), static_cast<std::int64_t>(b->nbytes),
                             start, stop, step, count))
            return Value::exc();
          std::string out;
          for (std::int64_t k = 0, i = start; k < count; ++k, i += step) out += b->data()[i];
          return new_bytes(I, out);
        }
        std::int64_t i;
        if (!index_of(I, key, static_cast<std::int64_t>(b->nbytes), i, "index"))
          return Value::exc();
        return Value::integer(static_cast<unsigned char>(b->data()[i]));
      }
      case Kind::Dict: {
        bool err;
        Value v = dict_get(I, as_dict(obj), key, err);
        if (err) return Value::exc();
        if (v.is_undef()) {
          if (Type* cls = as_dict(obj)->cls) {
            Value missing = type_lookup(cls, "__missing__");
            if (!missing.is_undef()) {
              Value margs[2] = {obj, key};
              return call(I, missing, margs, 2, nullptr);
            }
          }
          return raise_key_error(I, key);
        }
        incref(v);
        return v;
      }
      case Kind::Range:
        return range_subscript(I, static_cast<Range*>(obj.o), key);
      case Kind::Instance: {
        if (is_user_instance(obj)) {
          Value fn = type_lookup(static_cast<Instance*>(obj.o)->cls, "__getitem__");
          if (!fn.is_undef()) {
            Value args[2] = {obj, key};
            return call(I, fn, args, 2, nullptr);
          }
        }
        break;
      }
      case Kind::Type:
        if (!static_cast<Type*>(obj.o)->is_user) {
          // list[int] and friends: generic aliases are not supported.
          return raise(I, types().TypeError,
                       "type subscription (generic aliases) is not supported");
        }
        break;
      default:
        break;
    }
  }
  return raise(I, types().TypeError, "'" + type_name(obj) + "' object is not subscriptable");
}

bool set_item(Isolate& I, Value obj, Value key, Value v) {
  if (obj.tag == Tag::Obj) {
    switch (obj.o->kind) {
      case Kind::Dict:
        return dict_set(I, as_dict(obj), key, v);
      case Kind::List: {
        auto& items = as_list(obj)->items;
        if (is_kind(key, Kind::Slice)) {
          std::int64_t start, stop, step, count;
          if (!slice_indices(I, static_cast<Slice*>(key.o), static_cast<std::int64_t>(items.size()),
                             start, stop, step, count))
            return false;
          Value it = get_iter(I, v);
          if (it.is_exc()) {
            decref(I.pending);
            I.pending = Value();
            raise(I, types().TypeError, "can only assign an iterable");
            return false;
          }
          std::vector<Value> fresh;
          for (;;) {
            Value x = iter_next(I, it);
            if (x.is_exc()) {
              for (auto& f : fresh) decref(f);
              decref(it);
              return false;
            }
            if (x.is_undef()) break;
            fresh.push_back(x);
          }
          decref(it);
          if (step == 1) {
            if (stop < start) stop = start;
            std::vector<Value> old(items.begin() + start, items.begin() + stop);
            items.erase(items.begin() + start, items.begin() + stop);
            items.insert(items.begin() + start, fresh.begin(), fresh.end());
            list_sync_charge(I, as_list(obj));
            for (auto& o : old) decref(o);
            return true;
          }
          if (static_cast<std::int64_t>(fresh.size()) != count) {
            for (auto& f : fresh) decref(f);
            raise(I, types().ValueError,
                  "attempt to assign sequence of size " + std::to_string(fresh.size()) +
                      " to extended slice of size " + std::to_string(count));
            return false;
          }
          for (std::int64_t k = 0, i = start; k < count; ++k, i += step) assign(items[i], fresh[k]);
          return true;
        }
        std::int64_t i;
        if (!index_of(I, key, static_cast<std::int64_t>(items.size()), i, "list")) {
          if (isinstance(I.pending, types().IndexError)) {
            decref(I.pending);
            I.pending = Value();
            raise(I, types().IndexError, "list assignment index out of range");
          }
          return false;
        }
        incref(v);
        assign(items[i], v);
        return true;
      }
      case Kind::Instance: {
        if (is_user_instance(obj)) {
          Value fn = type_lookup(static_cast<Instance*>(obj.o)->cls, "__setitem__");
          if (!fn.is_undef()) {
            Value args[3] = {obj, key, v};
            Value r = call(I, fn, args, 3, nullptr);
            if (r.is_exc()) return false;
            decref(r);
            return true;
          }
        }
        break;
      }
      default:
        break;
    }
  }
  raise(I, types().TypeError, "'" + type_name(obj) + "' object does not support item assignment");
  return false;
}

bool del_item(Isolate& I, Value obj, Value key) {
  if (is_dict(obj)) {
    int r = dict_del(I, as_dict(obj), key);
    if (r < 0) return false;
    if (r == 0) {
      raise_key_error(I, key);
      return false;
    }
    return true;
  }
  if (is_list(obj)) {
    auto& items = as_list(obj)->items;
    if (is_kind(key, Kind::Slice)) {
      std::int64_t start, stop, step, count;
      if (!slice_indices(I, static_cast<Slice*>(key.o), static_cast<std::int64_t>(items.size()),
                         start, stop, step, count))
        return false;
      std::vector<bool> drop(items.size(), false);
      for (std::int64_t k = 0, i = start; k < count; ++k, i += step) drop[i] = true;
      std::vector<Value> kept, gone;
      for (std::size_t i = 0; i < items.size(); ++i) (drop[i] ? gone : kept).push_back(items[i]);
      items.swap(kept);
      for (auto& g : gone) decref(g);
      return true;
    }
    std::int64_t i;
    if (!index_of(I, key, static_cast<std::int64_t>(items.size()), i, "list")) {
      if (isinstance(I.pending, types().IndexError)) {
        decref(I.pending);
        I.pending = Value();
        raise(I, types().IndexError, "list assignment index out of range");
      }
      return false;
    }
    Value old = items[i];
    items.erase(items.begin() + i);
    decref(old);
    return true;
  }
  if (is_user_instance(obj)) {
    Value fn = type_lookup(static_cast<Instance*>(obj.o)->cls, "__delitem__");
    if (!fn.is_undef()) {
      Value args[2] = {obj, key};
      Value r = call(I, fn, args, 2, nullptr);
      if (r.is_exc()) return false;
      decref(r);
      return true;
    }
  }
  raise(I, types().TypeError, "'" + type_name(obj) + "' object doesn't support item deletion");
  return false;
}

// ---------------------------------------------------------------- length and iteration

bool length(Isolate& I, Value v, std::int64_t& out) {
  if (v.tag == Tag::Obj) {
    switch (v.o->kind) {
      case Kind::Str:
        out = static_cast<std::int64_t>(as_str(v)->length);
        return true;
      case Kind::Bytes:
        out = static_cast<std::int64_t>(static_cast<Bytes*>(v.o)->nbytes);
        return true;
      case Kind::List:
        out = static_cast<std::int64_t>(as_list(v)->items.size());
        return true;
      case Kind::Tuple:
        out = static_cast<std::int64_t>(as_tuple(v)->size);
        return true;
      case Kind::Dict:
        out = static_cast<std::int64_t>(as_dict(v)->table.used);
        return true;
      case Kind::Set:
      case Kind::FrozenSet:
        out = static_cast<std::int64_t>(as_set(v)->table.used);
        return true;
      case Kind::DictView:
        out = static_cast<std::int64_t>(as_dict(static_cast<DictView*>(v.o)->dict)->table.used);
        return true;
      case Kind::Range:
        return range_length(I, static_cast<Range*>(v.o), out);
      case Kind::Instance: {
        if (is_user_instance(v)) {
          Value fn = type_lookup(static_cast<Instance*>(v.o)->cls, "__len__");
          if (!fn.is_undef()) {
            Value r = call1(I, fn, v);
            if (r.is_exc()) return false;
            if (!r.is_int()) {
              decref(r);
              raise(I, types().TypeError,
                    "'" + type_name(r) + "' object cannot be interpreted as an integer");
              return false;
            }
            if (r.i < 0) {
              raise(I, types().ValueError, "__len__() should return >= 0");
              return false;
            }
            out = r.i;
            return true;
          }
        }
        break;
      }
      default:
        break;
    }
  }
  raise(I, types().TypeError, "object of type '" + type_name(v) + "' has no len()");
  return false;
}

Value len_of(Isolate& I, Value v) {
  std::int64_t n;
  if (!length(I, v, n)) return Value::exc();
  return Value::integer(n);
}

Value get_iter(Isolate& I, Value v) {
  if (v.tag == Tag::Obj) {
    switch (v.o->kind) {
      case Kind::List:
      case Kind::Tuple:
      case Kind::Str:
      case Kind::Bytes:
        return new_iter(I, IterKind::Seq, v);
      case Kind::Range:
        return range_iterator(I, static_cast<Range*>(v.o), false);
      case Kind::Dict:
        return new_iter(I, IterKind::DictKeys, v);
      case Kind::DictView: {
        auto* dv = static_cast<DictView*>(v.o);
        IterKind k = dv->which == ViewKind::Keys     ? IterKind::DictKeys
                     : dv->which == ViewKind::Values ? IterKind::DictValues
                                                     : IterKind::DictItems;
        return new_iter(I, k, dv->dict);
      }
      case Kind::Set:
      case Kind::FrozenSet: {
        Value it = new_iter(I, IterKind::SetItems, v);
        auto* iter = static_cast<Iter*>(it.o);
        for (const HashTable::Entry* e : set_iteration_order(as_set(v)->table)) {
          incref(e->key);
          iter->many.push_back(e->key);
        }
        return it;
      }
      case Kind::Iter:
      case Kind::Generator:
        incref(v);
        return v;
      case Kind::Instance: {
        if (is_user_instance(v)) {
          Type* cls = static_cast<Instance*>(v.o)->cls;
          Value fn = type_lookup(cls, "__iter__");
          if (!fn.is_undef()) {
            Value it = call1(I, fn, v);
            if (it.is_exc()) return it;
            if (!(is_kind(it, Kind::Iter) || is_kind(it, Kind::Generator) ||
                  (is_user_instance(it) &&
                   !type_lookup(static_cast<Instance*>(it.o)->cls, "__next__").is_undef()))) {
              std::string tn = type_name(it);
              decref(it);
              return raise(I, types().TypeError,
                           "iter() returned non-iterator of type '" + tn + "'");
            }
            return it;
          }
          if (!type_lookup(cls, "__getitem__").is_undef()) {
            Value it = new_iter(I, IterKind::Seq, v);
            return it;
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return raise(I, types().TypeError, "'" + type_name(v) + "' object is not iterable");
}

static Value next_from_table(Iter* it, const HashTable& t, IterKind kind, Isolate& I) {
  while (it->index < static_cast<std::int64_t>(t.entries.size())) {
    const auto& e = t.entries[it->index++];
    if (e.key.is_undef()) continue;
    if (kind == IterKind::DictValues) {
      incref(e.value);
      return e.value;
    }
    if (kind == IterKind::DictItems) {
      Tuple* pair = alloc_tuple(I, 2);
      incref(e.key);
      incref(e.value);
      pair->items()[0] = e.key;
      pair->items()[1] = e.value;
      return Value::object(pair);
    }
    incref(e.key);
    return e.key;
  }
  return Value();
}

// zip(strict=True) when argument i ran out: the others must end there too
// (CPython's messages).
static Value zip_strict_end(Isolate& I, Iter* it, std::size_t i) {
  auto earlier = [](std::size_t n) {
    return n == 1 ? std::string("argument 1") : "arguments 1-" + std::to_string(n);
  };
  if (i > 0)
    return raise(I, types().ValueError,
                 "zip() argument " + std::to_string(i + 1) + " is shorter than " + earlier(i));
  for (std::size_t j = 1; j < it->many.size(); ++j) {
    Value y = iter_next(I, it->many[j]);
    if (y.is_exc()) return y;
    if (!y.is_undef()) {
      decref(y);
      return raise(I, types().ValueError,
                   "zip() argument " + std::to_string(j + 1) + " is longer than " + earlier(j));
    }
  }
  return Value();
}

Value iter_next(Isolate& I, Value iterator) {
  // Each item costs a step: native loops (sum, max, list, "".join over a
  // range) have no back-edge of their own for the limits to be checked at.
  if (--I.steps_left < 0 || I.heap.over_limit() ||
      (I.cancel && I.cancel->load(std::memory_order_relaxed))) {
    if (!check_limits(I)) return Value::exc();
  }
  if (is_kind(iterator, Kind::Generator)) {
    Value v = generator_resume(I, static_cast<Generator*>(iterator.o), Value::none());
    if (v.is_exc() && !I.uncatchable && isinstance(I.pending, types().StopIteration)) {
      // PEP 479: a StopIteration escaping a generator becomes RuntimeError.
      decref(I.pending);
      I.pending = Value();
      return raise(I, types().RuntimeError, "generator raised StopIteration");
    }
    return v;
  }
  if (is_user_instance(iterator)) {
    Value fn = type_lookup(static_cast<Instance*>(iterator.o)->cls, "__next__");
    if (fn.is_undef())
      return raise(I, types().TypeError, "'" + type_name(iterator) + "' object is not an iterator");
    Value r = call1(I, fn, iterator);
    if (r.is_exc() && isinstance(I.pending, types().StopIteration)) {
      decref(I.pending);
      I.pending = Value();
      return Value();
    }
    return r;
  }
  if (!is_kind(iterator, Kind::Iter))
    return raise(I, types().TypeError, "'" + type_name(iterator) + "' object is not an iterator");
  auto* it = static_cast<Iter*>(iterator.o);
  switch (it->sub) {
    case IterKind::Seq: {
      Value src = it->src;
      if (src.is_undef()) return Value();
      switch (src.o->kind) {
        case Kind::List: {
          auto& items = as_list(src)->items;
          if (it->index < static_cast<std::int64_t>(items.size())) {
            Value v = items[it->index++];
            incref(v);
            return v;
          }
          break;
        }
        case Kind::Tuple: {
          Tuple* t = as_tuple(src);
          if (it->index < static_cast<std::int64_t>(t->size)) {
            Value v = t->items()[it->index++];
            incref(v);
            return v;
          }
          break;
        }
        case Kind::Str: {
          Str* s = as_str(src);
          if (it->index < static_cast<std::int64_t>(s->nbytes)) {
            std::size_t start = static_cast<std::size_t>(it->index);
            std::size_t end = start + 1;
            while (end < s->nbytes && (static_cast<unsigned char>(s->data()[end]) & 0xC0) == 0x80)
              ++end;
            it->index = static_cast<std::int64_t>(end);
            return new_str(I, std::string_view(s->data() + start, end - start));
          }
          break;
        }
        case Kind::Bytes: {
          auto* b = static_cast<Bytes*>(src.o);
          if (it->index < static_cast<std::int64_t>(b->nbytes))
            return Value::integer(static_cast<unsigned char>(b->data()[it->index++]));
          break;
        }
        default: {
          // Old-style iteration through __getitem__ until IndexError.
          Value r = get_item(I, src, Value::integer(it->index++));
          if (r.is_exc() && isinstance(I.pending, types().IndexError)) {
            decref(I.pending);
            I.pending = Value();
            break;
          }
          return r;
        }
      }
      assign(it->src, Value());
      return Value();
    }
    case IterKind::Range:
      if (it->end > 0) {
        std::int64_t v = it->index;
        --it->end;
        // Wraps only past the last item (range(2**63 - 2, 2**63 - 1, 5)).
        it->index = static_cast<std::int64_t>(static_cast<std::uint64_t>(it->index) +
                                              static_cast<std::uint64_t>(it->step));
        return Value::integer(v);
      }
      return Value();
    case IterKind::LongRange:
      return long_range_next(I, it);
    case IterKind::DictKeys:
    case IterKind::DictValues:
    case IterKind::DictItems: {
      Dict* d = as_dict(it->src);
      if (it->end == 0) it->end = static_cast<std::int64_t>(d->table.used) + 1;
      if (static_cast<std::int64_t>(d->table.used) + 1 != it->end) {
        it->end = -1;
        return raise(I, types().RuntimeError, "dictionary changed size during iteration");
      }
      return next_from_table(it, d->table, it->sub, I);
    }
    case IterKind::SetItems: {
      Set* s = as_set(it->src);
      if (it->end == 0) it->end = static_cast<std::int64_t>(s->table.used) + 1;
      if (static_cast<std::int64_t>(s->table.used) + 1 != it->end)
        return raise(I, types().RuntimeError, "Set changed size during iteration");
      if (it->index >= static_cast<std::int64_t>(it->many.size())) return Value();
      Value k = it->many[it->index++];
      incref(k);
      return k;
    }
    case IterKind::Enumerate: {
      Value x = iter_next(I, it->src);
      if (x.is_undef() || x.is_exc()) return x;
      Tuple* pair = alloc_tuple(I, 2);
      pair->items()[0] = Value::integer(it->index++);
      pair->items()[1] = x;
      return Value::object(pair);
    }
    case IterKind::Zip: {
      if (it->many.empty()) return Value();
      Tuple* t = alloc_tuple(I, it->many.size());
      for (std::size_t i = 0; i < it->many.size(); ++i) {
        Value x = iter_next(I, it->many[i]);
        if (x.is_undef() || x.is_exc()) {
          decref(Value::object(t));
          if (x.is_undef() && it->step == kZipStrict) return zip_strict_end(I, it, i);
          return x;
        }
        t->items()[i] = x;
      }
      return Value::object(t);
    }
    case IterKind::Map: {
      std::vector<Value> args;
      for (Value src : it->many) {
        Value x = iter_next(I, src);
        if (x.is_undef() || x.is_exc()) {
          for (auto& a : args) decref(a);
          return x;
        }
        args.push_back(x);
      }
      Value r = call(I, it->extra, args.data(), args.size(), nullptr);
      for (auto& a : args) decref(a);
      return r;
    }
    case IterKind::Filter:
      for (;;) {
        Value x = iter_next(I, it->src);
        if (x.is_undef() || x.is_exc()) return x;
        int t;
        if (it->extra.is_none()) {
          t = truthy(I, x);
        } else {
          Value r = call1(I, it->extra, x);
          if (r.is_exc()) {
            decref(x);
            return r;
          }
          t = truthy(I, r);
          decref(r);
        }
        if (t < 0) {
          decref(x);
          return Value::exc();
        }
        if (t) return x;
        decref(x);
      }
    case IterKind::Reversed: {
      if (it->index < 0) return Value();
      Value src = it->src;
      std::int64_t n;
      if (!length(I, src, n)) return Value::exc();
      if (it->index >= n) {
        it->index = -1;
        return Value();
      }
      Value r = get_item(I, src, Value::integer(it->index));
      --it->index;
      return r;
    }
    case IterKind::Callable:
      return Value();
  }
  return Value();
}

// ---------------------------------------------------------------- classes

Value build_class(Isolate& I, Value body, Value name, Value base) {
  Type* base_type = types().object;
  if (!base.is_undef()) {
    if (!is_kind(base, Kind::Type)) return raise(I, types().TypeError, "bases must be types");
    base_type = static_cast<Type*>(base.o);
    if (!base_type->is_user && !base_type->is_exception && base_type != types().object &&
        base_type != types().dict)
      return raise(I, types().TypeError,
                   "subclassing built-in type '" + base_type->name + "' is not supported");
  }
  Dict* ns = alloc_dict(I);
  Value nsv = Value::object(ns);
  Value r = call1(I, body, nsv);
  if (r.is_exc()) {
    decref(nsv);
    return r;
  }
  decref(r);
  bool dict_based = base_type->instance_kind == Kind::Dict;
  if (dict_based && !check_dict_subclass_body(I, ns, std::string(as_str(name)->view()))) {
    decref(nsv);
    return Value::exc();
  }
  Type* t = I.heap.make<Type>();
  if (dict_based) t->instance_kind = Kind::Dict;
  t->name = std::string(as_str(name)->view());
  t->base = base_type;
  incref(Value::object(base_type));
  t->dict = ns;
  t->is_user = true;
  t->is_exception = base_type->is_exception;
  for (auto& e : ns->table.entries) {
    if (is_kind(e.value, Kind::Function)) {
      auto* fn = static_cast<Function*>(e.value.o);
      if (!fn->owner) {
        // Owned: a method kept after its class is dropped must still find it
        // for super(); the resulting cycle is freed at reset.
        incref(Value::object(t));
        fn->owner = t;
      }
    }
  }
  return Value::object(t);
}

}  // namespace quire::lang
