#pragma once
// Registration of the built-in methods and functions (called once by
// init_runtime, before any isolate runs).

#include "lang/object/runtime.h"

namespace quire::lang {

void add_method(Type* type, const char* name, NativeFn fn);
void add_class_attr(Type* type, const char* name, Value v);
// Registration-time forms of host::define_classmethod/define_staticmethod:
// no registration lock, since init_runtime may run while host holds it.
void add_class_method(Type* type, const char* name, NativeFn fn);
void add_static_method(Type* type, const char* name, NativeFn fn);
void add_builtin(const char* name, Value v);
Value make_builtin_native(const char* name, NativeFn fn);

void register_type_methods();  // str, list, dict, set, tuple, int, float methods
void register_builtins();      // print, len, range, ...

void register_str_methods();
void register_container_methods();
void register_bytes_methods();  // bytes_methods.cpp
void register_number_methods();

}  // namespace quire::lang
