// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/sandbox/host.h"

#include <new>

#include "lang/lib/register.h"

namespace quire::lang::host {

namespace {

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
  return make_static_type(name, base ? base : types().object, false);
}

Type* define_exception(const char* name, Type* base) {
  return make_static_type(name, base ? base : types().Exception, true);
}

void define_method(Type* type, const char* name, NativeFn fn) {
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

}  // namespace quire::lang::host
