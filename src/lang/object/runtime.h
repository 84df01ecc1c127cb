#pragma once
// The runtime operations on values, shared by the VM loop and the builtins.
// Every operation returning Value returns a new reference, or Value::exc()
// with the exception set on the isolate (see raise_* below). Operations
// returning int return -1 on error, else 0/1.

#include <cstdint>
#include <string>
#include <string_view>

#include "lang/object/object.h"
#include "lang/vm/isolate.h"

namespace quire::lang {

// ---------------------------------------------------------------- built-in types

struct BuiltinTypes {
  Type *object, *type, *none, *bool_, *int_, *float_, *str, *bytes, *list, *tuple, *dict, *set,
      *frozenset, *range, *slice, *function, *builtin_function, *method, *cell, *generator,
      *iterator, *dict_keys, *dict_values, *dict_items, *module, *property, *ellipsis, *traceback,
      *not_implemented;
  // Exceptions.
  Type *BaseException, *Exception, *ArithmeticError, *ZeroDivisionError, *OverflowError,
      *LookupError, *IndexError, *KeyError, *ValueError, *UnicodeError, *TypeError, *NameError,
      *UnboundLocalError, *AttributeError, *RuntimeError, *RecursionError, *NotImplementedError,
      *StopIteration, *AssertionError, *ImportError, *ModuleNotFoundError, *MemoryError,
      *SystemExit, *KeyboardInterrupt, *GeneratorExit, *StopAsyncIteration, *FloatingPointError,
      *OSError, *EOFError, *BufferError, *SyntaxError, *UnicodeDecodeError, *UnicodeEncodeError,
      *Warning, *UserWarning, *DeprecationWarning, *TimeoutError, *PermissionError,
      *FileNotFoundError, *ConnectionError, *SystemError;
  // Limit errors that except clauses cannot catch (sandbox).
  // StepLimitExceeded is named ScriptTimeoutError (steps or deadline), Cancelled
  // ScriptCancelledError.
  Type *StepLimitExceeded, *Cancelled, *ScriptMemoryError, *ScriptOutputError;
  // Iterator types, for type() and error messages.
  Type *list_iterator, *tuple_iterator, *str_iterator, *str_ascii_iterator, *range_iterator,
      *longrange_iterator, *dict_keyiterator, *dict_valueiterator, *dict_itemiterator,
      *set_iterator, *enumerate, *zip, *map, *filter, *reversed, *bytes_iterator, *classmethod,
      *staticmethod;
};
const BuiltinTypes& types();
// OSError(errno, strerror) builds the subclass CPython maps errno to
// (ENOENT: FileNotFoundError, ...); other calls keep `cls`.
Type* oserror_class_for(Type* cls, const Value* args, std::size_t nargs);
// OSError(errno, strerror, filename[, winerror, filename2]) keeps (errno,
// strerror) as args and the file names as attributes, like CPython.
bool oserror_split_args(Isolate& I, Instance* e, const Value* args, std::size_t nargs);
// str() of an OSError with (errno, strerror) args: "[Errno 2] No such file",
// then ": 'filename'" when there is one. False when the args are not that
// form (the generic exception text applies).
bool oserror_text(Isolate& I, Instance* e, std::string& out, bool& ok);
// Initialises the built-in types and builtins once per process (thread-safe).
void init_runtime();

Type* type_of(Value v);
bool is_subtype(const Type* t, const Type* base);
inline bool isinstance(Value v, const Type* t) {
  return is_subtype(type_of(v), t);
}

// ---------------------------------------------------------------- allocation

Value new_str(Isolate& I, std::string_view utf8);
Str* alloc_str(Isolate& I, std::size_t nbytes);  // caller fills data() then finish_str
void finish_str(Str* s);                         // computes length and ascii flag
Value new_bytes(Isolate& I, std::string_view raw);
Tuple* alloc_tuple(Isolate& I, std::size_t n);  // items are None
List* alloc_list(Isolate& I, std::size_t reserve = 0);
Dict* alloc_dict(Isolate& I);
Set* alloc_set(Isolate& I, Kind kind = Kind::Set);
Value new_list_from(Isolate& I, const Value* items, std::size_t n);  // increfs items
Value new_tuple_from(Isolate& I, const Value* items, std::size_t n);
Value new_native(Isolate& I, NativeFn fn, const char* name, void* data = nullptr);
Value new_bound(Isolate& I, Value self, Value func);
Value new_range(Isolate& I, std::int64_t start, std::int64_t stop, std::int64_t step);
Value new_iter(Isolate& I, IterKind sub, Value src);  // increfs src

// Immortal objects (compile-time constants, built-in types): never freed by
// refcounting; `owner` collects them so the program can free them.
Str* immortal_str(std::string_view utf8, std::vector<Object*>* owner);
Tuple* immortal_tuple(std::size_t n, std::vector<Object*>* owner);
void free_immortal(Object* o);
Value immortal_bigint(std::string_view decimal_digits, std::vector<Object*>* owner);
Value immortal_bytes(std::string_view raw, std::vector<Object*>* owner);
Value ellipsis_value();
// The NotImplemented singleton: a special method's "not for these operands".
Value not_implemented_value();
// Creates a class: runs `body` (a class-body function) on a fresh namespace.
Value build_class(Isolate& I, Value body, Value name, Value base);

inline Str* as_str(Value v) {
  return static_cast<Str*>(v.o);
}
inline List* as_list(Value v) {
  return static_cast<List*>(v.o);
}
inline Tuple* as_tuple(Value v) {
  return static_cast<Tuple*>(v.o);
}
inline Dict* as_dict(Value v) {
  return static_cast<Dict*>(v.o);
}
inline Set* as_set(Value v) {
  return static_cast<Set*>(v.o);
}
inline bool is_str(Value v) {
  return is_kind(v, Kind::Str);
}
// An instance of a class defined by a script or by the host (host::ValueType):
// its special methods (__eq__, __add__, __call__...) are looked up and called.
inline bool is_user_instance(Value v) {
  return v.tag == Tag::Obj && v.o->kind == Kind::Instance &&
         static_cast<Instance*>(v.o)->cls->is_user;
}
inline bool is_list(Value v) {
  return is_kind(v, Kind::List);
}
inline bool is_tuple(Value v) {
  return is_kind(v, Kind::Tuple);
}
inline bool is_dict(Value v) {
  return is_kind(v, Kind::Dict);
}
inline bool is_set_like(Value v) {
  return v.tag == Tag::Obj && (v.o->kind == Kind::Set || v.o->kind == Kind::FrozenSet);
}
// Takes ownership of v. False when the list could not grow under the memory
// cap: v was released, the heap is marked over its limit (the run stops at the
// next check point, or at once through check_limits).
bool list_append(Isolate& I, List* list, Value v);
// Brings the heap's charge for `list`'s storage in line with its capacity.
// Call after any change that may reallocate `items` other than list_append.
void list_sync_charge(Isolate& I, List* list);

// ---------------------------------------------------------------- exceptions

Value raise(Isolate& I, Type* type, std::string_view message);
Value raise_value(Isolate& I, Value exception);  // takes ownership
Value raise_no_args(Isolate& I, Type* type);
Value raise_key_error(Isolate& I, Value key);
Value raise_stop_iteration(Isolate& I, Value value);
Value new_exception(Isolate& I, Type* type, Value args_tuple);  // takes args
std::string type_name(Value v);
// "TypeError: msg" line for an exception instance.
std::string exception_line(Isolate& I, Value exception);
std::string format_traceback(Isolate& I, Value exception);

// ---------------------------------------------------------------- protocols

int truthy(Isolate& I, Value v);
Value repr(Isolate& I, Value v);    // Str
Value to_str(Isolate& I, Value v);  // Str
Value ascii_repr(Isolate& I, Value v);
// Appends repr/str text to `out`; false on error.
bool repr_into(Isolate& I, Value v, std::string& out);
bool str_into(Isolate& I, Value v, std::string& out);
bool hash_value(Isolate& I, Value v, std::uint64_t& out);
int equals(Isolate& I, Value a, Value b);
Value binary_op(Isolate& I, int op, Value a, Value b, bool inplace = false);
Value compare_op(Isolate& I, int op, Value a, Value b);
int less_than(Isolate& I, Value a, Value b);
Value negate(Isolate& I, Value v);
Value positive(Isolate& I, Value v);
Value invert(Isolate& I, Value v);
int contains(Isolate& I, Value container, Value item);

Value get_attr(Isolate& I, Value obj, Str* name);
Value get_attr_default(Isolate& I, Value obj, Str* name,
                       Value fallback);  // fallback on AttributeError
bool set_attr(Isolate& I, Value obj, Str* name, Value v);
bool del_attr(Isolate& I, Value obj, Str* name);
// Method lookup without binding: on success `out_func` is the function and
// `out_self_needed` tells whether to pass obj as the first argument.
bool lookup_method(Isolate& I, Value obj, Str* name, Value& out_func, bool& out_self_needed);
// Finds `name` in the type's MRO (borrowed), or Undef.
Value type_lookup(const Type* t, std::string_view name);
Value type_lookup(const Type* t, const Str* name);  // uses the string's cached hash

Value get_item(Isolate& I, Value obj, Value key);
bool set_item(Isolate& I, Value obj, Value key, Value v);
bool del_item(Isolate& I, Value obj, Value key);

Value get_iter(Isolate& I, Value v);
// Next item (new reference), Undef when exhausted, Exc on error.
Value iter_next(Isolate& I, Value iterator);
Value len_of(Isolate& I, Value v);
bool length(Isolate& I, Value v, std::int64_t& out);

// Calls any callable. kwnames may be null. Args are borrowed.
Value call(Isolate& I, Value callable, Value* args, std::size_t nargs,
           const Tuple* kwnames = nullptr);
Value call0(Isolate& I, Value callable);
Value call1(Isolate& I, Value callable, Value a);
Value call_method(Isolate& I, Value obj, std::string_view name, Value* args, std::size_t nargs);

// Integer/float helpers.
bool to_int64(Isolate& I, Value v, std::int64_t& out, const char* what);  // index-like
bool to_double(Isolate& I, Value v, double& out);
bool is_number(Value v);
Value int_from_string(Isolate& I, std::string_view text, int base);
Value float_from_string(Isolate& I, std::string_view text);

// Strings.
std::string float_repr(double d);
bool str_equal(const Str* a, const Str* b);
std::uint64_t str_hash(const Str* s);
// hash(str) of UTF-8 text (CPython's value with PYTHONHASHSEED=0).
std::uint64_t hash_bytes(std::string_view bytes);
Value str_concat(Isolate& I, Str* a, Str* b);
Value str_repeat(Isolate& I, Str* s, std::int64_t n);
Value str_getitem(Isolate& I, Str* s, Value key);
Value format_value(Isolate& I, Value v, Str* spec);  // format(v, spec)
Value percent_format(Isolate& I, Str* fmt, Value args);
Value bytes_percent_format(Isolate& I, Value fmt, Value args);  // lib/bytes_format.cpp
Value str_format_method(Isolate& I, Str* fmt, Value* args, std::size_t nargs, const Tuple* kwnames);
Value str_format_map(Isolate& I, Str* fmt, Value mapping);
Value intern(std::string_view name);  // immortal process-wide string (for names in natives)

// Dict (HashTable) operations: lookup returns a borrowed value or Undef.
Value dict_get(Isolate& I, Dict* d, Value key, bool& error);
bool dict_set(Isolate& I, Dict* d, Value key, Value value);  // increfs both
// d.update(src): a dict, anything with keys(), or an iterable of pairs.
bool dict_update_from(Isolate& I, Dict* d, Value src);
int dict_del(Isolate& I, Dict* d, Value key);             // 1 removed, 0 missing, -1 error
Value dict_get_str(const Dict* d, std::string_view key);  // borrowed or Undef; no errors
Value dict_get_str_hashed(const Dict* d, std::string_view key, std::uint64_t hash);
bool set_add(Isolate& I, Set* s, Value key);
int set_contains(Isolate& I, Set* s, Value key);
int set_remove(Isolate& I, Set* s, Value key);
std::size_t table_size(const HashTable& t);
std::vector<const HashTable::Entry*> set_iteration_order(const HashTable& t);
// Fixed-size-arguments parsing helper for natives: checks arity and keywords,
// fills `out` in parameter order (Undef where not given).
bool parse_args(Isolate& I, const char* fname, Value* args, std::size_t nargs, const Tuple* kwnames,
                std::initializer_list<const char*> params, std::size_t required, Value* out,
                bool positional_only = false);

// The closest candidate to `name` as CPython's "Did you mean" would pick, or "".
std::string suggest_name(std::string_view name, const std::vector<std::string_view>& candidates);
const std::vector<std::string>& builtin_names();

// Builtins table: name -> index, and values (immortal).
int builtin_index(std::string_view name);
Value builtin_value(int index);

}  // namespace quire::lang
