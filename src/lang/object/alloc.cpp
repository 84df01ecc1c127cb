// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Allocation of the built-in objects, per isolate or immortal.

#include <cstring>

#include "lang/object/bigint.h"
#include "lang/object/runtime.h"

namespace quire::lang {

namespace {

// Code points in UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(const char* p, std::size_t n, bool& ascii) {
  std::size_t count = 0;
  ascii = true;
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80) ascii = false;
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

template <class T>
T* make_immortal(std::size_t extra, std::vector<Object*>* owner) {
  void* memory = std::malloc(sizeof(T) + extra);
  if (!memory) throw std::bad_alloc();
  T* object = new (memory) T();
  object->flags = kImmortal;
  if (owner) owner->push_back(object);
  return object;
}

}  // namespace

Str* alloc_str(Isolate& I, std::size_t nbytes) {
  Str* s = I.heap.make<Str>(nbytes + 1);
  s->nbytes = nbytes;
  s->data()[nbytes] = '\0';
  return s;
}

void finish_str(Str* s) {
  s->length = count_code_points(s->data(), s->nbytes, s->ascii);
  s->hash = 0;
}

Value new_str(Isolate& I, std::string_view utf8) {
  Str* s = alloc_str(I, utf8.size());
  if (!utf8.empty()) std::memcpy(s->data(), utf8.data(), utf8.size());
  finish_str(s);
  return Value::object(s);
}

Value new_bytes(Isolate& I, std::string_view raw) {
  Bytes* b = I.heap.make<Bytes>(raw.size());
  b->nbytes = raw.size();
  if (!raw.empty()) std::memcpy(b->data(), raw.data(), raw.size());
  return Value::object(b);
}

Tuple* alloc_tuple(Isolate& I, std::size_t n) {
  Tuple* t = I.heap.make<Tuple>(n * sizeof(Value));
  t->size = n;
  for (std::size_t i = 0; i < n; ++i) new (&t->items()[i]) Value(Value::none());
  return t;
}

List* alloc_list(Isolate& I, std::size_t reserve) {
  List* l = I.heap.make<List>();
  if (reserve) {
    I.heap.charge(reserve * sizeof(Value));  // before allocating, as everywhere
    l->items.reserve(reserve);
    l->charged_slots = reserve;
    list_sync_charge(I, l);
  }
  return l;
}

void list_sync_charge(Isolate& I, List* list) {
  const std::size_t capacity = list->items.capacity();
  if (capacity > list->charged_slots) {
    I.heap.charge((capacity - list->charged_slots) * sizeof(Value));
  } else if (capacity < list->charged_slots) {
    I.heap.uncharge((list->charged_slots - capacity) * sizeof(Value));
  }
  list->charged_slots = capacity;
}

bool list_append(Isolate& I, List* list, Value v) {
  auto& items = list->items;
  if (items.size() == items.capacity()) {
    std::size_t old = items.capacity();
    std::size_t grow = old < 4 ? 4 : old;
    // While the items move, the old buffer and the new one are both held:
    // when the doubled one does not fit beside the old under the cap, grow
    // into what room is left and mark the heap over its limit, so the run
    // stops at the next check point (a few instructions on) near the cap
    // rather than half as much again past it. (Small buffers, as room_for.)
    const std::size_t room =
        I.heap.limit() > I.heap.bytes_used() ? I.heap.limit() - I.heap.bytes_used() : 0;
    const std::size_t bytes = (old + grow) * sizeof(Value);
    if (bytes > (std::size_t{64} << 10) && bytes > room) {
      I.heap.mark_over_limit();
      const std::size_t fits = room / sizeof(Value);
      if (fits <= old) {
        // Not one more slot fits: as CPython's failed append, the item is
        // not added (the run ends at the check point, uncatchably).
        decref(v);
        return false;
      }
      grow = fits - old;
    }
    I.heap.charge(grow * sizeof(Value));
    list->charged_slots += grow;
    items.reserve(old + grow);
    list_sync_charge(I, list);
  }
  items.push_back(v);
  return true;
}

Dict* alloc_dict(Isolate& I) {
  return I.heap.make<Dict>();
}

Set* alloc_set(Isolate& I, Kind kind) {
  Set* s = I.heap.make<Set>();
  s->kind = kind;
  return s;
}

Value new_list_from(Isolate& I, const Value* items, std::size_t n) {
  List* l = alloc_list(I, n);
  for (std::size_t i = 0; i < n; ++i) {
    incref(items[i]);
    l->items.push_back(items[i]);
  }
  return Value::object(l);
}

Value new_tuple_from(Isolate& I, const Value* items, std::size_t n) {
  Tuple* t = alloc_tuple(I, n);
  for (std::size_t i = 0; i < n; ++i) {
    incref(items[i]);
    t->items()[i] = items[i];
  }
  return Value::object(t);
}

Value new_native(Isolate& I, NativeFn fn, const char* name, void* data) {
  Native* n = I.heap.make<Native>();
  n->fn = fn;
  n->name = name;
  n->data = data;
  return Value::object(n);
}

Value new_bound(Isolate& I, Value self, Value func) {
  BoundMethod* m = I.heap.make<BoundMethod>();
  incref(self);
  incref(func);
  m->self = self;
  m->func = func;
  return Value::object(m);
}

Value new_iter(Isolate& I, IterKind sub, Value src) {
  Iter* it = I.heap.make<Iter>();
  it->sub = sub;
  incref(src);
  it->src = src;
  return Value::object(it);
}

Str* immortal_str(std::string_view utf8, std::vector<Object*>* owner) {
  Str* s = make_immortal<Str>(utf8.size() + 1, owner);
  s->nbytes = utf8.size();
  if (!utf8.empty()) std::memcpy(s->data(), utf8.data(), utf8.size());
  s->data()[utf8.size()] = '\0';
  finish_str(s);
  str_hash(s);  // computed now: constants are never written again
  return s;
}

Tuple* immortal_tuple(std::size_t n, std::vector<Object*>* owner) {
  Tuple* t = make_immortal<Tuple>(n * sizeof(Value), owner);
  t->size = n;
  for (std::size_t i = 0; i < n; ++i) new (&t->items()[i]) Value(Value::none());
  return t;
}

Value immortal_bytes(std::string_view raw, std::vector<Object*>* owner) {
  Bytes* b = make_immortal<Bytes>(raw.size(), owner);
  b->nbytes = raw.size();
  if (!raw.empty()) std::memcpy(b->data(), raw.data(), raw.size());
  return Value::object(b);
}

void free_immortal(Object* o) {
  if (o->kind == Kind::BigInt) {
    destroy_bigint(o);
  }
  std::free(o);
}

}  // namespace quire::lang
