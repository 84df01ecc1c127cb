#pragma once
// The host-binding API: how later layers (json, datetime, frappe.*) expose
// native functions, modules, types and context managers to scripts.
//
// - A native function is a NativeFn (object.h): positional args, then keyword
//   values named by `kwnames`; parse_args() (runtime.h) checks arity and
//   keywords with CPython's TypeError wording. Return Value::exc() after
//   raise(...) to throw.
// - Types created here are process-wide and immortal: create them once at
//   startup (before isolates run), then never modify them.
// - Modules and instances are per isolate (ordinary heap objects).
// - `with` works on any instance whose type defines __enter__ and __exit__.
// - `import name` calls Isolate::import_hook; return a module value, or
//   Undef for "No module named ...".

#include <string_view>

#include "lang/object/runtime.h"

namespace quire::lang::host {

// A process-wide native type (class) whose instances carry attributes.
Type* define_type(const char* name, Type* base = nullptr);
// A process-wide exception class deriving from `base` (default Exception).
Type* define_exception(const char* name, Type* base = nullptr);
// Adds a method (called with the instance as args[0]).
void define_method(Type* type, const char* name, NativeFn fn);

// A new module object in the isolate.
Value new_module(Isolate& I, std::string_view name);
// Binds `value` as `module.name` (value is borrowed; the module takes a reference).
bool module_set(Isolate& I, Value module, std::string_view name, Value value);
// Binds a native function as `module.name`.
bool module_add_function(Isolate& I, Value module, const char* name, NativeFn fn,
                         void* data = nullptr);

// A new instance of a native type; attributes are set with set_attribute.
Value new_instance(Isolate& I, Type* type);
bool set_attribute(Isolate& I, Value object, std::string_view name, Value value);

}  // namespace quire::lang::host
