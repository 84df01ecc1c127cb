#include "scripting/attr_dict.h"

#include <mutex>

#include "lang/sandbox/host.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

Type* g_type = nullptr;

Value table_value(Isolate& I, Value self) {
  return Value::object(attr_dict_table(I, self));
}

// Every dict method a script calls on a _dict runs on the backing table.
template <const char* Name>
Value delegate(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  if (nargs == 0 || !is_attr_dict(args[0])) {
    return raise(I, types().TypeError, std::string("descriptor '") + Name + "' needs a _dict");
  }
  Value method = get_attr(I, table_value(I, args[0]), as_str(intern(Name)));
  if (method.is_exc()) return method;
  Value r = call(I, method, args + 1, nargs - 1, kwnames);
  decref(method);
  return r;
}

constexpr char kGet[] = "get", kKeys[] = "keys", kValues[] = "values", kItems[] = "items",
               kUpdate[] = "update", kSetdefault[] = "setdefault", kPop[] = "pop",
               kClear[] = "clear";

// The protocol methods go straight to the runtime's operations on the table.
bool is_self(Isolate& I, Value* args, std::size_t nargs, std::size_t want, const char* name) {
  if (nargs == want && is_attr_dict(args[0])) return true;
  raise(I, types().TypeError,
        std::string(name) + "() takes " + std::to_string(want - 1) + " argument(s)");
  return false;
}

Value d_getitem(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!is_self(I, args, nargs, 2, "__getitem__")) return Value::exc();
  return get_item(I, table_value(I, args[0]), args[1]);
}

Value d_setitem(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!is_self(I, args, nargs, 3, "__setitem__")) return Value::exc();
  if (!set_item(I, table_value(I, args[0]), args[1], args[2])) return Value::exc();
  return Value::none();
}

Value d_delitem(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!is_self(I, args, nargs, 2, "__delitem__")) return Value::exc();
  if (!del_item(I, table_value(I, args[0]), args[1])) return Value::exc();
  return Value::none();
}

Value d_contains(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!is_self(I, args, nargs, 2, "__contains__")) return Value::exc();
  int r = contains(I, table_value(I, args[0]), args[1]);
  if (r < 0) return Value::exc();
  return Value::boolean(r == 1);
}

Value d_len(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!is_self(I, args, nargs, 1, "__len__")) return Value::exc();
  return Value::integer(static_cast<std::int64_t>(table_size(attr_dict_table(I, args[0])->table)));
}

Value d_iter(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!is_self(I, args, nargs, 1, "__iter__")) return Value::exc();
  return get_iter(I, table_value(I, args[0]));
}

Value d_repr(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!is_self(I, args, nargs, 1, "__repr__")) return Value::exc();
  return repr(I, table_value(I, args[0]));
}

// _dict == dict and _dict == _dict compare the tables.
Value d_eq(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (!is_self(I, args, nargs, 2, "__eq__")) return Value::exc();
  Value other = is_attr_dict(args[1]) ? table_value(I, args[1]) : args[1];
  if (!is_dict(other)) return Value::boolean(false);
  int r = equals(I, table_value(I, args[0]), other);
  if (r < 0) return Value::exc();
  return Value::boolean(r == 1);
}

Value d_ne(Isolate& I, Value* args, std::size_t nargs, const Tuple* kw, void* data) {
  Value r = d_eq(I, args, nargs, kw, data);
  if (r.is_exc()) return r;
  return Value::boolean(!r.b);
}

// Missing attributes read as None (frappe._dict.__getattr__ is dict.get).
Value getattr_none(Isolate&, Value*, std::size_t, const Tuple*, void*) {
  return Value::none();
}

Value copy(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs != 1) return raise(I, types().TypeError, "copy() takes no arguments");
  Value out = new_attr_dict(I);
  Dict* src = attr_dict_table(I, args[0]);
  Dict* dst = attr_dict_table(I, out);
  for (const auto& e : src->table.entries) {
    if (e.key.is_undef()) continue;
    if (!dict_set(I, dst, e.key, e.value)) {
      decref(out);
      return Value::exc();
    }
  }
  return out;
}

void create_type() {
  Type* t = host::define_type("_dict");
  // Marked as a class defined in Python so the VM consults its special
  // methods (__getattr__, __getitem__, __iter__...) the way it does for user classes.
  t->is_user = true;
  host::define_method(t, "__getattr__", getattr_none);
  host::define_method(t, "get", delegate<kGet>);
  host::define_method(t, "keys", delegate<kKeys>);
  host::define_method(t, "values", delegate<kValues>);
  host::define_method(t, "items", delegate<kItems>);
  host::define_method(t, "update", delegate<kUpdate>);
  host::define_method(t, "setdefault", delegate<kSetdefault>);
  host::define_method(t, "pop", delegate<kPop>);
  host::define_method(t, "clear", delegate<kClear>);
  host::define_method(t, "copy", copy);
  host::define_method(t, "__getitem__", d_getitem);
  host::define_method(t, "__setitem__", d_setitem);
  host::define_method(t, "__delitem__", d_delitem);
  host::define_method(t, "__contains__", d_contains);
  host::define_method(t, "__len__", d_len);
  host::define_method(t, "__iter__", d_iter);
  host::define_method(t, "__repr__", d_repr);
  host::define_method(t, "__eq__", d_eq);
  host::define_method(t, "__ne__", d_ne);
  g_type = t;
}

}  // namespace

Type* attr_dict_type() {
  static std::once_flag once;
  std::call_once(once, create_type);
  return g_type;
}

bool is_attr_dict(Value v) {
  return is_kind(v, Kind::Instance) && static_cast<Instance*>(v.o)->cls == attr_dict_type();
}

Value new_attr_dict(Isolate& I) {
  Value v = host::new_instance(I, attr_dict_type());
  static_cast<Instance*>(v.o)->attrs = alloc_dict(I);
  return v;
}

Dict* attr_dict_table(Isolate& I, Value v) {
  auto* in = static_cast<Instance*>(v.o);
  if (!in->attrs) in->attrs = alloc_dict(I);
  return in->attrs;
}

bool attr_dict_set(Isolate& I, Value d, std::string_view key, Value v) {
  Value k = new_str(I, key);
  bool ok = dict_set(I, attr_dict_table(I, d), k, v);
  decref(k);
  return ok;
}

Value attr_dict_construct(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value out = new_attr_dict(I);
  Value update = get_attr(I, Value::object(attr_dict_table(I, out)), as_str(intern("update")));
  if (update.is_exc()) {
    decref(out);
    return update;
  }
  Value r = call(I, update, args, nargs, kwnames);
  decref(update);
  if (r.is_exc()) {
    decref(out);
    return r;
  }
  decref(r);
  return out;
}

}  // namespace quire::scripting
