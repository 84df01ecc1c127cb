// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// The built-in type objects and the builtins table: created once per process,
// immortal, and never written after init_runtime() returns, so every isolate
// on every thread reads them without locks.

#include <map>
#include <mutex>

#include "lang/lib/register.h"
#include "lang/object/runtime.h"

namespace quire::lang {

namespace {

// The runtime's immortal objects live as long as the process. The tables that
// hold them are allocated once and never destroyed: no static destructor runs
// at exit while another thread may still use them, and the objects stay
// reachable to the end (LeakSanitizer reported them as leaked otherwise).
BuiltinTypes g_types;
std::vector<std::string>& g_builtin_names = *new std::vector<std::string>();
std::vector<Value>& g_builtin_values = *new std::vector<Value>();
std::map<std::string, int, std::less<>>& g_builtin_index =
    *new std::map<std::string, int, std::less<>>();
std::mutex g_intern_mutex;
std::map<std::string, Str*, std::less<>>& g_interned =
    *new std::map<std::string, Str*, std::less<>>();
std::vector<Object*>& g_static_objects = *new std::vector<Object*>();
Value g_ellipsis;
Value g_not_implemented;

Type* make_type(const char* name, Type* base, Kind instance_kind) {
  void* memory = std::malloc(sizeof(Type));
  Type* t = new (memory) Type();
  t->flags = kImmortal;
  t->name = name;
  t->base = base;
  t->instance_kind = instance_kind;
  Dict* d = new (std::malloc(sizeof(Dict))) Dict();
  d->flags = kImmortal;
  t->dict = d;
  if (base && base->is_exception) t->is_exception = true;
  return t;
}

// type(NotImplemented)() gives the singleton back, as in CPython.
Value construct_not_implemented(Isolate& I, Value*, std::size_t nargs, const Tuple* kwnames,
                                void*) {
  if (nargs || (kwnames && kwnames->size))
    return raise(I, types().TypeError, "NotImplementedType takes no arguments");
  return g_not_implemented;
}

Type* exc(const char* name, Type* base) {
  Type* t = make_type(name, base, Kind::Instance);
  t->is_exception = true;
  return t;
}

}  // namespace

const BuiltinTypes& types() {
  return g_types;
}

Value ellipsis_value() {
  return g_ellipsis;
}

Value not_implemented_value() {
  return g_not_implemented;
}

Value intern(std::string_view name) {
  std::lock_guard<std::mutex> lock(g_intern_mutex);
  auto it = g_interned.find(name);
  if (it != g_interned.end()) return Value::object(it->second);
  Str* s = immortal_str(name, &g_static_objects);
  g_interned.emplace(std::string(name), s);
  return Value::object(s);
}

void add_method(Type* type, const char* name, NativeFn fn) {
  static Isolate* init_isolate = new Isolate();
  Native* n = new (std::malloc(sizeof(Native))) Native();
  n->flags = kImmortal;
  n->fn = fn;
  n->name = name;
  dict_set(*init_isolate, type->dict, intern(name), Value::object(n));
}

// Methods reached through a Property: a classmethod (mode 1) gets the class
// as args[0]; a staticmethod (mode 2) only the call's arguments.
static void add_property_method(Type* type, const char* name, NativeFn fn, std::uint8_t mode) {
  Property* p = new (std::malloc(sizeof(Property))) Property();
  p->flags = kImmortal;
  p->getter = make_builtin_native(name, fn);
  p->setter = Value::none();
  p->mode = mode;
  add_class_attr(type, name, Value::object(p));
}

void add_class_method(Type* type, const char* name, NativeFn fn) {
  add_property_method(type, name, fn, 1);
}

void add_static_method(Type* type, const char* name, NativeFn fn) {
  add_property_method(type, name, fn, 2);
}

void add_class_attr(Type* type, const char* name, Value v) {
  static Isolate* init_isolate = new Isolate();
  dict_set(*init_isolate, type->dict, intern(name), v);
}

void add_builtin(const char* name, Value v) {
  g_builtin_index[name] = static_cast<int>(g_builtin_values.size());
  g_builtin_names.push_back(name);
  g_builtin_values.push_back(v);
}

Value make_builtin_native(const char* name, NativeFn fn) {
  Native* n = new (std::malloc(sizeof(Native))) Native();
  n->flags = kImmortal;
  n->fn = fn;
  n->name = name;
  return Value::object(n);
}

int builtin_index(std::string_view name) {
  auto it = g_builtin_index.find(name);
  return it == g_builtin_index.end() ? -1 : it->second;
}

Value builtin_value(int index) {
  return g_builtin_values[index];
}

const std::vector<std::string>& builtin_names() {
  return g_builtin_names;
}

void init_runtime() {
  static std::once_flag once;
  std::call_once(once, [] {
    BuiltinTypes& T = g_types;
    T.object = make_type("object", nullptr, Kind::Instance);
    T.type = make_type("type", T.object, Kind::Type);
    T.none = make_type("NoneType", T.object, Kind::Instance);
    T.int_ = make_type("int", T.object, Kind::Instance);
    T.bool_ = make_type("bool", T.int_, Kind::Instance);
    T.float_ = make_type("float", T.object, Kind::Instance);
    T.str = make_type("str", T.object, Kind::Str);
    T.bytes = make_type("bytes", T.object, Kind::Bytes);
    T.list = make_type("list", T.object, Kind::List);
    T.tuple = make_type("tuple", T.object, Kind::Tuple);
    T.dict = make_type("dict", T.object, Kind::Dict);
    T.set = make_type("set", T.object, Kind::Set);
    T.frozenset = make_type("frozenset", T.object, Kind::FrozenSet);
    T.range = make_type("range", T.object, Kind::Range);
    T.slice = make_type("slice", T.object, Kind::Slice);
    T.function = make_type("function", T.object, Kind::Function);
    T.builtin_function = make_type("builtin_function_or_method", T.object, Kind::Native);
    T.method = make_type("method", T.object, Kind::BoundMethod);
    T.cell = make_type("cell", T.object, Kind::Cell);
    T.generator = make_type("generator", T.object, Kind::Generator);
    T.iterator = make_type("iterator", T.object, Kind::Iter);
    T.dict_keys = make_type("dict_keys", T.object, Kind::DictView);
    T.dict_values = make_type("dict_values", T.object, Kind::DictView);
    T.dict_items = make_type("dict_items", T.object, Kind::DictView);
    T.module = make_type("module", T.object, Kind::Module);
    T.property = make_type("property", T.object, Kind::Property);
    T.ellipsis = make_type("ellipsis", T.object, Kind::Instance);
    T.not_implemented = make_type("NotImplementedType", T.object, Kind::Instance);
    T.not_implemented->construct = construct_not_implemented;
    // Passed to __exit__ as its third argument (an opaque object: its frames
    // stay in the exception, and the sandbox refuses tb_* attributes anyway).
    T.traceback = make_type("traceback", T.object, Kind::Instance);
    T.list_iterator = make_type("list_iterator", T.object, Kind::Iter);
    T.tuple_iterator = make_type("tuple_iterator", T.object, Kind::Iter);
    T.str_iterator = make_type("str_iterator", T.object, Kind::Iter);
    T.str_ascii_iterator = make_type("str_ascii_iterator", T.object, Kind::Iter);
    T.bytes_iterator = make_type("bytes_iterator", T.object, Kind::Iter);
    T.range_iterator = make_type("range_iterator", T.object, Kind::Iter);
    T.longrange_iterator = make_type("longrange_iterator", T.object, Kind::Iter);
    T.dict_keyiterator = make_type("dict_keyiterator", T.object, Kind::Iter);
    T.dict_valueiterator = make_type("dict_valueiterator", T.object, Kind::Iter);
    T.dict_itemiterator = make_type("dict_itemiterator", T.object, Kind::Iter);
    T.set_iterator = make_type("set_iterator", T.object, Kind::Iter);
    T.enumerate = make_type("enumerate", T.object, Kind::Iter);
    T.zip = make_type("zip", T.object, Kind::Iter);
    T.map = make_type("map", T.object, Kind::Iter);
    T.filter = make_type("filter", T.object, Kind::Iter);
    T.reversed = make_type("reversed", T.object, Kind::Iter);
    T.classmethod = make_type("classmethod", T.object, Kind::Property);
    T.staticmethod = make_type("staticmethod", T.object, Kind::Property);

    T.BaseException = exc("BaseException", T.object);
    T.SystemExit = exc("SystemExit", T.BaseException);
    T.KeyboardInterrupt = exc("KeyboardInterrupt", T.BaseException);
    T.GeneratorExit = exc("GeneratorExit", T.BaseException);
    T.Exception = exc("Exception", T.BaseException);
    T.ArithmeticError = exc("ArithmeticError", T.Exception);
    T.FloatingPointError = exc("FloatingPointError", T.ArithmeticError);
    T.OverflowError = exc("OverflowError", T.ArithmeticError);
    T.ZeroDivisionError = exc("ZeroDivisionError", T.ArithmeticError);
    T.AssertionError = exc("AssertionError", T.Exception);
    T.AttributeError = exc("AttributeError", T.Exception);
    T.BufferError = exc("BufferError", T.Exception);
    T.EOFError = exc("EOFError", T.Exception);
    T.ImportError = exc("ImportError", T.Exception);
    T.ModuleNotFoundError = exc("ModuleNotFoundError", T.ImportError);
    T.LookupError = exc("LookupError", T.Exception);
    T.IndexError = exc("IndexError", T.LookupError);
    T.KeyError = exc("KeyError", T.LookupError);
    T.MemoryError = exc("MemoryError", T.Exception);
    T.NameError = exc("NameError", T.Exception);
    T.UnboundLocalError = exc("UnboundLocalError", T.NameError);
    T.OSError = exc("OSError", T.Exception);
    T.ConnectionError = exc("ConnectionError", T.OSError);
    T.FileNotFoundError = exc("FileNotFoundError", T.OSError);
    T.PermissionError = exc("PermissionError", T.OSError);
    T.TimeoutError = exc("TimeoutError", T.OSError);
    T.RuntimeError = exc("RuntimeError", T.Exception);
    T.NotImplementedError = exc("NotImplementedError", T.RuntimeError);
    T.RecursionError = exc("RecursionError", T.RuntimeError);
    T.StopAsyncIteration = exc("StopAsyncIteration", T.Exception);
    T.StopIteration = exc("StopIteration", T.Exception);
    T.SyntaxError = exc("SyntaxError", T.Exception);
    T.SystemError = exc("SystemError", T.Exception);
    T.TypeError = exc("TypeError", T.Exception);
    T.ValueError = exc("ValueError", T.Exception);
    T.UnicodeError = exc("UnicodeError", T.ValueError);
    T.UnicodeDecodeError = exc("UnicodeDecodeError", T.UnicodeError);
    T.UnicodeEncodeError = exc("UnicodeEncodeError", T.UnicodeError);
    T.Warning = exc("Warning", T.Exception);
    T.UserWarning = exc("UserWarning", T.Warning);
    T.DeprecationWarning = exc("DeprecationWarning", T.Warning);
    // Sandbox limit errors (uncatchable; not builtins, so scripts cannot name them).
    T.StepLimitExceeded = exc("ScriptTimeoutError", T.BaseException);
    T.Cancelled = exc("ScriptCancelledError", T.BaseException);
    T.ScriptMemoryError = exc("ScriptMemoryError", T.MemoryError);
    T.ScriptOutputError = exc("ScriptOutputError", T.BaseException);

    Object* ell = new (std::malloc(sizeof(Instance))) Instance();
    ell->flags = kImmortal;
    static_cast<Instance*>(ell)->cls = T.ellipsis;
    g_ellipsis = Value::object(ell);
    Object* not_implemented = new (std::malloc(sizeof(Instance))) Instance();
    not_implemented->flags = kImmortal;
    static_cast<Instance*>(not_implemented)->cls = T.not_implemented;
    g_not_implemented = Value::object(not_implemented);

    for (Type* t : {T.BaseException,
                    T.SystemExit,
                    T.KeyboardInterrupt,
                    T.GeneratorExit,
                    T.Exception,
                    T.ArithmeticError,
                    T.FloatingPointError,
                    T.OverflowError,
                    T.ZeroDivisionError,
                    T.AssertionError,
                    T.AttributeError,
                    T.BufferError,
                    T.EOFError,
                    T.ImportError,
                    T.ModuleNotFoundError,
                    T.LookupError,
                    T.IndexError,
                    T.KeyError,
                    T.MemoryError,
                    T.NameError,
                    T.UnboundLocalError,
                    T.OSError,
                    T.ConnectionError,
                    T.FileNotFoundError,
                    T.PermissionError,
                    T.TimeoutError,
                    T.RuntimeError,
                    T.NotImplementedError,
                    T.RecursionError,
                    T.StopAsyncIteration,
                    T.StopIteration,
                    T.SyntaxError,
                    T.SystemError,
                    T.TypeError,
                    T.ValueError,
                    T.UnicodeError,
                    T.UnicodeDecodeError,
                    T.UnicodeEncodeError,
                    T.Warning,
                    T.UserWarning,
                    T.DeprecationWarning}) {
      add_builtin(t->name.c_str(), Value::object(t));
    }
    add_builtin("EnvironmentError", Value::object(T.OSError));
    add_builtin("IOError", Value::object(T.OSError));
    add_builtin("Ellipsis", g_ellipsis);
    add_builtin("NotImplemented", g_not_implemented);
    register_type_methods();
    register_builtins();
  });
}

}  // namespace quire::lang
