// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/sandbox/host.h"

#include <mutex>
#include <new>

#include "lang/lib/register.h"

namespace quire::lang::host {

namespace {

// Types may be defined lazily on any thread (the standard modules build
// theirs on first use); registration writes shared tables (the class dicts,
// add_method's bookkeeping isolate), so it is serialised.
std::mutex& registration_mutex() {
  static std::mutex* m = new std::mutex();  // never destroyed: used until exit
  return *m;
}

Type* make_static_type(const char* name, Type* base, bool exception) {
  init_runtime();
  Type* t = new (std::malloc(sizeof(Type))) Type();
  t->flags = kImmortal;
  t->name = name;
  t->base = base;
  Dict* d = new (std::malloc(sizeof(Dict))) Dict();
  d->flags = kImmortal;
  t->dict = d;
  t->is_exception = exception || (base && base->is_exception);
  return t;
}

}  // namespace

Type* define_type(const char* name, Type* base) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  return make_static_type(name, base ? base : types().object, false);
}

Type* define_exception(const char* name, Type* base) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  return make_static_type(name, base ? base : types().Exception, true);
}

void define_method(Type* type, const char* name, NativeFn fn) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  add_method(type, name, fn);
}

Value new_module(Isolate& I, std::string_view name) {
  Module* m = I.heap.make<Module>();
  m->name = std::string(name);
  m->attrs = alloc_dict(I);
  return Value::object(m);
}

bool module_set(Isolate& I, Value module, std::string_view name, Value value) {
  if (!is_kind(module, Kind::Module)) return false;
  Value key = new_str(I, name);
  bool ok = dict_set(I, static_cast<Module*>(module.o)->attrs, key, value);
  decref(key);
  return ok;
}

bool module_add_function(Isolate& I, Value module, const char* name, NativeFn fn, void* data) {
  Value f = new_native(I, fn, name, data);
  bool ok = module_set(I, module, name, f);
  decref(f);
  return ok;
}

Value new_instance(Isolate& I, Type* type) {
  Instance* in = I.heap.make<Instance>();
  in->cls = type;
  if (type->is_exception) in->args = Value::object(alloc_tuple(I, 0));
  return Value::object(in);
}

bool set_attribute(Isolate& I, Value object, std::string_view name, Value value) {
  if (!is_kind(object, Kind::Instance)) return false;
  auto* in = static_cast<Instance*>(object.o);
  if (!in->attrs) in->attrs = alloc_dict(I);
  Value key = new_str(I, name);
  bool ok = dict_set(I, in->attrs, key, value);
  decref(key);
  return ok;
}

Value raise_error(Isolate& I, Type* type, std::string_view message) {
  return raise(I, type, message);
}

void define_class_attr(Type* type, const char* name, Value immortal_value) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  add_class_attr(type, name, immortal_value);
}

ValueType define_value_type(const char* name, Type* base) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  ValueType t;
  t.type = make_static_type(name, base ? base : types().object, false);
  t.impl = make_static_type(name, t.type, false);
  t.impl->is_user = true;  // the VM calls the special methods of user-like classes
  return t;
}

namespace {

// A native whose first argument must be an instance of `self_type`: class
// attributes are reachable unbound (`date.weekday(5)`, `type(d).__repr__(1)`),
// and the wrapped function may then rely on its receiver's layout.
struct SelfCheck {
  NativeFn fn;
  const Type* self_type;
  const char* name;
};

Value checked_call(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void* data) {
  const auto* check = static_cast<const SelfCheck*>(data);
  if (nargs == 0) {
    return raise(I, types().TypeError,
                 std::string("descriptor '") + check->name + "' of '" + check->self_type->name +
                     "' object needs an argument");
  }
  if (!isinstance(args[0], check->self_type)) {
    return raise(I, types().TypeError,
                 std::string("descriptor '") + check->name + "' for '" + check->self_type->name +
                     "' objects doesn't apply to a '" + type_name(args[0]) + "' object");
  }
  return check->fn(I, args, nargs, kwnames, nullptr);
}

Value checked_native(const ValueType& t, const char* name, NativeFn fn) {
  Native* n = new (std::malloc(sizeof(Native))) Native();  // process-wide, never freed
  n->flags = kImmortal;
  n->fn = checked_call;
  n->name = name;
  n->data = new SelfCheck{fn, t.type, name};
  return Value::object(n);
}

}  // namespace

void define_special(const ValueType& t, const char* name, NativeFn fn) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  add_class_attr(t.impl, name, checked_native(t, name, fn));
}

namespace {

// The getter of define_method_over_attributes: binds the method (its data)
// to the instance.
Value bind_method(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void* data) {
  if (nargs != 1) return raise(I, types().TypeError, "expected the instance");
  return new_bound(I, args[0], Value::object(static_cast<Object*>(data)));
}

}  // namespace

void define_method_over_attributes(const ValueType& t, const char* name, NativeFn fn) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  Native* getter = new (std::malloc(sizeof(Native))) Native();  // process-wide, never freed
  getter->flags = kImmortal;
  getter->fn = bind_method;
  getter->name = name;
  getter->data = checked_native(t, name, fn).o;
  Property* p = new (std::malloc(sizeof(Property))) Property();
  p->flags = kImmortal;
  p->getter = Value::object(getter);
  p->setter = Value::none();
  p->mode = 0;
  add_class_attr(t.type, name, Value::object(p));
}

void define_method(const ValueType& t, const char* name, NativeFn fn) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  add_class_attr(t.type, name, checked_native(t, name, fn));
}

void set_constructor(Type* type, NativeFn fn) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  type->construct = fn;
}

namespace {

Value immortal_property(NativeFn fn, const char* name, std::uint8_t mode) {
  Property* p = new (std::malloc(sizeof(Property))) Property();
  p->flags = kImmortal;
  p->getter = make_builtin_native(name, fn);
  p->setter = Value::none();
  p->mode = mode;
  return Value::object(p);
}

}  // namespace

void define_property(Type* type, const char* name, NativeFn getter) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  add_class_attr(type, name, immortal_property(getter, name, 0));
}

void define_property(const ValueType& t, const char* name, NativeFn getter) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  Property* p = new (std::malloc(sizeof(Property))) Property();
  p->flags = kImmortal;
  p->getter = checked_native(t, name, getter);
  p->setter = Value::none();
  p->mode = 0;
  add_class_attr(t.type, name, Value::object(p));
}

void define_classmethod(Type* type, const char* name, NativeFn fn) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  add_class_attr(type, name, immortal_property(fn, name, 1));
}

void define_staticmethod(Type* type, const char* name, NativeFn fn) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  add_static_method(type, name, fn);
}

Type* public_class(Type* t) {
  // Only define_value_type makes immortal user-like classes, and it names the
  // impl as its public base.
  if (t->is_user && (t->flags & kImmortal) && t->base && !t->base->is_user &&
      t->base->name == t->name)
    return t->base;
  return t;
}

Value new_value(Isolate& I, Type* impl, const void* payload, std::size_t size) {
  Instance* in = I.heap.make<Instance>();
  in->cls = impl;
  in->args = new_bytes(I, std::string_view(static_cast<const char*>(payload), size));
  return Value::object(in);
}

Value immortal_value(Type* impl, const void* payload, std::size_t size) {
  std::lock_guard<std::mutex> lock(registration_mutex());
  Instance* in = new (std::malloc(sizeof(Instance))) Instance();
  in->flags = kImmortal;
  in->cls = impl;
  in->args = immortal_bytes(std::string_view(static_cast<const char*>(payload), size), nullptr);
  return Value::object(in);
}

std::string_view payload_of(Value v) {
  if (!is_kind(v, Kind::Instance)) return {};
  auto* in = static_cast<Instance*>(v.o);
  if (in->cls->is_exception || !is_kind(in->args, Kind::Bytes)) return {};
  return static_cast<Bytes*>(in->args.o)->view();
}

}  // namespace quire::lang::host
