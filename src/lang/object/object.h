#pragma once
// Heap object layouts. Every heap object starts with the Object header:
// a non-atomic reference count (objects belong to one isolate), its kind, a
// flags byte (kImmortal: refcounting is a no-op, used for compile-time
// constants and the built-in type objects shared by all threads), the bytes
// charged to the isolate for it, and the links of the isolate's all-objects
// list (so everything left at the end of a run, cycles included, is freed).
//
// Variable-size objects (Str, Tuple) keep their payload right after the
// struct, allocated in the same block: one allocation per string or tuple.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/object/value.h"

namespace quire::lang {

enum class Kind : std::uint8_t {
  Str,
  Bytes,
  BigInt,
  List,
  Tuple,
  Dict,
  Set,
  FrozenSet,
  Range,
  Slice,
  Function,
  Native,
  BoundMethod,
  Type,
  Instance,
  Cell,
  Generator,
  Iter,
  DictView,
  Module,
  Property,
  Super,
};

constexpr std::uint8_t kImmortal = 1;
// Reserved for the embedder: lang never sets, clears or tests this bit after
// an object is made, so a host may mark objects it created (a flagged kind of
// str, say) without a type of its own.
constexpr std::uint8_t kEmbedderFlag = 0x80;
static_assert((kEmbedderFlag & kImmortal) == 0);

struct Object {
  std::uint32_t refcnt = 1;
  Kind kind;
  std::uint8_t flags = 0;
  std::uint16_t spare = 0;
  std::uint32_t charged = 0;
  Object* prev = nullptr;
  Object* next = nullptr;
  explicit Object(Kind k) : kind(k) {}
};

inline bool is_kind(Value v, Kind k) {
  return v.tag == Tag::Obj && v.o->kind == k;
}

// Str: immutable UTF-8, with the code-point count and an ASCII flag so the
// common ASCII case indexes and slices in O(1).
struct Str : Object {
  std::size_t nbytes;
  std::size_t length;              // code points
  mutable std::uint64_t hash = 0;  // 0 = not computed yet
  bool ascii;
  Str() : Object(Kind::Str) {}
  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), nbytes}; }
};

struct Bytes : Object {
  std::size_t nbytes;
  Bytes() : Object(Kind::Bytes) {}
  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), nbytes}; }
};

struct Tuple : Object {
  std::size_t size;
  Tuple() : Object(Kind::Tuple) {}
  Value* items() { return reinterpret_cast<Value*>(this + 1); }
  const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
};

struct List : Object {
  std::vector<Value> items;
  // Slots of `items` charged to the heap. Kept apart from items.capacity() so
  // freeing uncharges exactly what was charged even when some path let the
  // vector grow without telling the heap (see list_sync_charge).
  std::size_t charged_slots = 0;
  List() : Object(Kind::List) {}
};

// Insertion-ordered hash table (the compact-dict layout: an index array of
// int32 into a dense entry array). Deleted entries become holes (key Undef)
// until the next resize.
struct HashTable {
  struct Entry {
    std::uint64_t hash;
    Value key;
    Value value;
  };
  std::vector<Entry> entries;
  std::vector<std::int32_t> index;  // -1 empty, -2 deleted, else entry position
  std::size_t used = 0;
  std::size_t charged = 0;  // bytes of index and entry storage charged to the heap
};

struct Type;
struct Dict : Object {
  HashTable table;
  // A user class derived from dict (class D(dict)), or null for a plain dict.
  // Owned (one reference). Only __init__, __missing__ and ordinary methods
  // may be defined there (build_class refuses other special methods, which
  // the dict fast paths would not honour).
  Type* cls = nullptr;
  Dict* attrs = nullptr;  // a dict subclass instance's attributes (d.x = 1), owned
  Dict() : Object(Kind::Dict) {}
};

struct Set : Object {  // also FrozenSet (kind tells)
  HashTable table;
  explicit Set(Kind k = Kind::Set) : Object(k) {}
};

// See object/range.h: the inline fields when start, stop, step and length all
// fit int64, else `big`, a Tuple of the ints (start, stop, step, length).
struct Range : Object {
  std::int64_t start, stop, step, length;
  Value big;  // Undef for the inline form
  Range() : Object(Kind::Range) {}
};

struct Slice : Object {
  Value start, stop, step;
  Slice() : Object(Kind::Slice) {}
};

struct Cell : Object {
  Value value;
  Cell() : Object(Kind::Cell) {}
};

struct Code;
struct Type;
class Isolate;

// Native functions take positional arguments args[0..nargs) followed by the
// keyword values args[nargs..nargs+kwnames->size) named by kwnames (nullptr
// when there are none), the vectorcall convention. They return a new
// reference, or Value::exc() with the exception set on the isolate.
using NativeFn = Value (*)(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                           void* data);

struct Native : Object {
  NativeFn fn;
  const char* name;
  void* data = nullptr;  // host payload, passed back to fn
  Native() : Object(Kind::Native) {}
};

struct Function : Object {
  const Code* code;
  Value defaults;         // Tuple or Undef
  Value kwdefaults;       // Dict or Undef
  Value closure;          // Tuple of Cell or Undef
  Type* owner = nullptr;  // class whose body defined it (for zero-argument super())
  Function() : Object(Kind::Function) {}
};

struct BoundMethod : Object {
  Value self;
  Value func;
  BoundMethod() : Object(Kind::BoundMethod) {}
};

// super(): attribute lookup starts after `start` in the MRO, bound to `self`.
struct Super : Object {
  Value self;
  Type* start = nullptr;
  Super() : Object(Kind::Super) {}
};

// property (mode 0), classmethod (1) or staticmethod (2) wrapping a function.
struct Property : Object {
  Value getter;
  Value setter;
  std::uint8_t mode = 0;
  Property() : Object(Kind::Property) {}
};

struct TraceEntry {
  std::string filename;
  std::string function;
  int line;
  const std::string* source;   // the program's source text, for the line
  const Code* code = nullptr;  // with `instruction`: the column range (marker line)
  std::size_t instruction = 0;
};

struct Type : Object {
  std::string name;
  Type* base = nullptr;
  Dict* dict = nullptr;  // methods and class attributes
  Kind instance_kind = Kind::Instance;
  bool is_exception = false;
  bool is_user = false;
  NativeFn construct = nullptr;  // built-in types: type(...) call
  Type() : Object(Kind::Type) {}
};

// Instances of user classes and of exception classes (built-in or user).
struct Instance : Object {
  Type* cls;
  Dict* attrs = nullptr;
  // Exception state (used when cls->is_exception).
  Value args;     // Tuple
  Value cause;    // __cause__ or Undef
  Value context;  // __context__ or Undef
  bool suppress_context = false;
  std::vector<TraceEntry> traceback;  // innermost first
  std::string suggestion;  // NameError/AttributeError "Did you mean" target, shown in tracebacks
  Instance() : Object(Kind::Instance) {}
};

enum class IterKind : std::uint8_t {
  Seq,        // list/tuple/str by index
  Range,      // index: next value, end: items left, step: stride
  LongRange,  // many: next value, step, items left (Python ints)
  DictKeys,
  DictValues,
  DictItems,
  SetItems,
  Enumerate,
  Zip,
  Map,
  Filter,
  Reversed,
  Callable,
};

struct Iter : Object {
  IterKind sub;
  Value src;
  std::int64_t index = 0, end = 0, step = 1;
  Value extra;
  std::vector<Value> many;  // zip's iterators, map's iterators
  Iter() : Object(Kind::Iter) {}
};
// Iter::step of a zip(strict=True) iterator.
constexpr std::int64_t kZipStrict = 2;

enum class ViewKind : std::uint8_t { Keys, Values, Items };
struct DictView : Object {
  Value dict;
  ViewKind which;
  DictView() : Object(Kind::DictView) {}
};

// One entry of a frame's block stack: a `try` handler (Setup) or an active
// `except`/`finally` handler body (Handler, remembering the exception that was
// being handled before, restored when the body ends).
struct Block {
  enum Kind : std::uint8_t { Setup, Handler } kind;
  std::uint32_t handler;  // Setup: jump target (instruction index)
  std::uint32_t level;    // Setup: stack depth to restore
  Value prev_exc;         // Handler: the previously handled exception
};

// A suspended generator frame: its locals and value stack (storage[0..live)),
// block stack and resume point.
struct Generator : Object {
  Value func;  // the Function whose code runs
  std::vector<Value> storage;
  std::vector<Block> blocks;
  std::uint32_t ip = 0;
  std::uint32_t live = 0;  // locals + stack values held in storage
  bool running = false;
  bool finished = false;
  Generator() : Object(Kind::Generator) {}
};

struct Module : Object {
  std::string name;
  Dict* attrs = nullptr;
  Module() : Object(Kind::Module) {}
};

}  // namespace quire::lang
