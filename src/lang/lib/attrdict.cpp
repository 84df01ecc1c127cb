// `_dict`: the items live in the instance's attribute dict, so `d.key` and
// `d.key = v` are the VM's ordinary instance-attribute paths (fast, no
// special method), `d["key"]` and the dict methods go to the same Dict, and
// a missing attribute falls through to __getattr__, which answers None.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/lib/attrdict.h"

#include "lang/sandbox/catalog.h"
#include "lang/sandbox/host.h"

namespace quire::lang {

namespace {

host::ValueType& attrdict_types();

Dict* storage_of(Isolate& I, Value self) {
  auto* in = static_cast<Instance*>(self.o);
  if (!in->attrs) in->attrs = alloc_dict(I);
  return in->attrs;
}

// Wraps `d` (owned) as a _dict.
Value wrap(Isolate& I, Value d) {
  Instance* in = I.heap.make<Instance>();
  in->cls = attrdict_types().impl;
  in->attrs = as_dict(d);
  return Value::object(in);
}

// Calls the dict method `name` with the _dict's storage as self.
Value delegate(Isolate& I, const char* name, Value* args, std::size_t nargs, const Tuple* kwnames) {
  Value fn = type_lookup(types().dict, name);
  std::size_t total = nargs + (kwnames ? kwnames->size : 0);
  std::vector<Value> buf(args, args + total);
  buf[0] = Value::object(storage_of(I, args[0]));
  return call(I, fn, buf.data(), nargs, kwnames);
}

template <int K>
Value forward(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*);

constexpr const char* kForwarded[] = {
    "get",     "keys",  "values",      "items",   "update",   "setdefault",   "pop",
    "popitem", "clear", "__getitem__", "__len__", "__iter__", "__contains__", "__repr__"};

template <int K>
Value forward(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  return delegate(I, kForwarded[K], args, nargs, kwnames);
}

Value dict_op(Isolate& I, Value self, auto op) {
  Value d = Value::object(storage_of(I, self));
  return op(d);
}

Value ad_getattr(Isolate&, Value*, std::size_t, const Tuple*, void*) {
  return Value::none();
}

Value ad_getitem(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "expected 1 argument");
  return dict_op(I, args[0], [&](Value d) { return get_item(I, d, args[1]); });
}

Value ad_setitem(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 3) return raise(I, types().TypeError, "expected 2 arguments");
  if (!set_item(I, Value::object(storage_of(I, args[0])), args[1], args[2])) return Value::exc();
  return Value::none();
}

Value ad_delitem(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "expected 1 argument");
  if (!del_item(I, Value::object(storage_of(I, args[0])), args[1])) return Value::exc();
  return Value::none();
}

Value ad_len(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return Value::integer(static_cast<std::int64_t>(table_size(storage_of(I, args[0])->table)));
}

Value ad_iter(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return get_iter(I, Value::object(storage_of(I, args[0])));
}

Value ad_contains(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "expected 1 argument");
  int r = contains(I, Value::object(storage_of(I, args[0])), args[1]);
  if (r < 0) return Value::exc();
  return Value::boolean(r);
}

Value ad_repr(Isolate& I, Value* args, std::size_t, const Tuple*, void*) {
  return repr(I, Value::object(storage_of(I, args[0])));
}

Value ad_eq(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 2) return raise(I, types().TypeError, "expected 1 argument");
  Value other = args[1];
  if (Dict* od = attrdict_storage(other)) other = Value::object(od);
  if (!is_dict(other)) return Value::boolean(false);
  int r = equals(I, Value::object(storage_of(I, args[0])), other);
  if (r < 0) return Value::exc();
  return Value::boolean(r);
}

Value ad_ne(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void* data) {
  Value r = ad_eq(I, args, nargs, kw, data);
  if (r.is_exc()) return r;
  return Value::boolean(!r.b);
}

Value ad_copy(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value d = delegate(I, "copy", args, nargs, kwnames);
  if (d.is_exc()) return d;
  return wrap(I, d);
}

// _dict(...) takes what dict(...) takes.
Value ad_construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value d;
  if (nargs == 1 && attrdict_storage(args[0]) && !kwnames) {
    Value src = Value::object(attrdict_storage(args[0]));
    d = call(I, Value::object(types().dict), &src, 1, nullptr);
  } else {
    d = call(I, Value::object(types().dict), args, nargs, kwnames);
  }
  if (d.is_exc()) return d;
  return wrap(I, d);
}

host::ValueType make_types() {
  host::ValueType t = host::define_value_type("_dict");
  host::set_constructor(t.type, ad_construct);
  host::define_method_over_attributes(t, "get", forward<0>);
  host::define_method_over_attributes(t, "keys", forward<1>);
  host::define_method_over_attributes(t, "values", forward<2>);
  host::define_method_over_attributes(t, "items", forward<3>);
  host::define_method_over_attributes(t, "update", forward<4>);
  host::define_method_over_attributes(t, "setdefault", forward<5>);
  host::define_method_over_attributes(t, "pop", forward<6>);
  host::define_method_over_attributes(t, "popitem", forward<7>);
  host::define_method_over_attributes(t, "clear", forward<8>);
  host::define_method_over_attributes(t, "copy", ad_copy);
  host::define_special(t, "__getattr__", ad_getattr);
  host::define_special(t, "__getitem__", ad_getitem);
  host::define_special(t, "__setitem__", ad_setitem);
  host::define_special(t, "__delitem__", ad_delitem);
  host::define_special(t, "__len__", ad_len);
  host::define_special(t, "__iter__", ad_iter);
  host::define_special(t, "__contains__", ad_contains);
  host::define_special(t, "__repr__", ad_repr);
  host::define_special(t, "__eq__", ad_eq);
  host::define_special(t, "__ne__", ad_ne);
  host::define_class_attr(t.impl, "__hash__", Value::none());

  catalog::describe("_dict", catalog::kClass, "(mapping=(), /, **kwargs)",
                    "A dict whose keys are also attributes: d.key reads d['key'] (None when "
                    "missing) and d.key = v sets it (frappe._dict).");
  for (const char* m : {"get", "keys", "values", "items", "update", "setdefault", "pop", "popitem",
                        "clear", "copy"}) {
    catalog::describe(std::string("_dict.") + m, catalog::kMethod, "",
                      std::string("As dict.") + m + ".");
  }
  return t;
}

host::ValueType& attrdict_types() {
  static host::ValueType t = make_types();
  return t;
}

}  // namespace

Type* attrdict_type() {
  return attrdict_types().type;
}

Value new_attrdict(Isolate& I) {
  return wrap(I, Value::object(alloc_dict(I)));
}

Dict* attrdict_storage(Value v) {
  if (!is_kind(v, Kind::Instance)) return nullptr;
  auto* in = static_cast<Instance*>(v.o);
  if (in->cls != attrdict_types().impl) return nullptr;
  if (!in->attrs) return nullptr;  // only before the first use; callers treat as empty
  return in->attrs;
}

}  // namespace quire::lang
