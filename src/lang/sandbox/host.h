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

#include <cstring>
#include <string_view>
#include <type_traits>

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

// ---------------------------------------------------------------- exceptions

// Raises `type(message)` (any exception class, built-in or defined above);
// returns Value::exc() so a native can `return host::raise_error(...)`.
// Host exception classes print their `name` in tracebacks, so give them the
// qualified name CPython prints ("frappe.exceptions.ValidationError").
Value raise_error(Isolate& I, Type* type, std::string_view message);
// Sets a process-wide class attribute (the value must be immortal: None,
// bool, int, float, or a string from intern()). Startup only.
void define_class_attr(Type* type, const char* name, Value immortal_value);

// ---------------------------------------------------------------- value types
// Native types whose instances carry a trivially copyable C++ value (a date,
// a decimal...) and whose special methods (__eq__, __hash__, __lt__, __add__,
// __radd__, __neg__, __repr__, __str__, __getattr__, __len__, __iter__,
// __getitem__, __contains__ ...) the VM calls like a class's.
//
// `type` is the public class to bind (isinstance, constructor, properties,
// methods, class attributes); scripts cannot modify it. Instances belong to
// `impl`, a hidden subclass holding the special methods: the VM only calls
// special methods of user-like classes, and a user-like class would accept
// `Cls.attr = v` from a script (shared, process-wide state).
struct ValueType {
  Type* type = nullptr;
  Type* impl = nullptr;
};
ValueType define_value_type(const char* name, Type* base = nullptr);
// A special method (args[0] is the instance; binary ones get the other operand in args[1]).
void define_special(const ValueType& t, const char* name, NativeFn fn);
// A method / read-only property of the public class. Unlike the Type*
// overloads, fn only ever sees an instance of t.type (or a subclass) as
// args[0]: a call through the class with another receiver (`Cls.m(5)`)
// raises TypeError first. Use these whenever fn reads the payload.
void define_method(const ValueType& t, const char* name, NativeFn fn);
void define_property(const ValueType& t, const char* name, NativeFn getter);
// A method that wins over an instance attribute of the same name (the VM
// looks instance attributes up before class methods): for types that keep
// their data in the attribute dict, such as `_dict`, whose `d.items` must be
// the method even when a key "items" exists. Reached through the class
// (`Cls.m`) it is a property object, not a function.
void define_method_over_attributes(const ValueType& t, const char* name, NativeFn fn);
// `Cls(...)` calls fn(I, args, nargs, kwnames, data = the public Type*).
void set_constructor(Type* type, NativeFn fn);
// A read-only attribute computed by getter(I, {self}, 1, nullptr, nullptr).
void define_property(Type* type, const char* name, NativeFn getter);
// A class method: fn receives the class as args[0] (Cls.m() and obj.m()).
void define_classmethod(Type* type, const char* name, NativeFn fn);
// A static method: fn receives only the call's arguments, reached through the
// class or an instance alike (str.maketrans and "".maketrans).
void define_staticmethod(Type* type, const char* name, NativeFn fn);

// The class scripts should see for an instance's class: the public class of
// a value type's hidden impl (what type(x) returns), else `t` itself.
Type* public_class(Type* t);

// A new instance of `impl` holding a copy of `size` payload bytes.
Value new_value(Isolate& I, Type* impl, const void* payload, std::size_t size);
// The same, process-wide and immortal (for class attributes such as date.min).
Value immortal_value(Type* impl, const void* payload, std::size_t size);
// The payload bytes of an instance made by new_value, else empty.
std::string_view payload_of(Value v);

template <class T>
Value new_value(Isolate& I, const ValueType& t, const T& payload) {
  static_assert(std::is_trivially_copyable_v<T>);
  return new_value(I, t.impl, &payload, sizeof(T));
}
// The payload of `v` if it is an instance of `type` (or a subclass) carrying a T.
template <class T>
bool payload_as(Value v, const Type* type, T& out) {
  static_assert(std::is_trivially_copyable_v<T>);
  if (!isinstance(v, type)) return false;
  std::string_view raw = payload_of(v);
  if (raw.size() != sizeof(T)) return false;
  std::memcpy(&out, raw.data(), sizeof(T));
  return true;
}

}  // namespace quire::lang::host
