// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/object/heap.h"

#include "lang/object/bigint.h"

namespace quire::lang {

thread_local Heap* t_heap = nullptr;

Heap::Heap() {
  head_.next = head_.prev = &head_;
}

Heap::~Heap() {
  release_all();
}

namespace {

// Calls `f` on every Value an object holds (its outgoing references).
template <class F>
void for_each_child(Object* o, F&& f) {
  switch (o->kind) {
    case Kind::List:
      for (Value v : static_cast<List*>(o)->items) f(v);
      break;
    case Kind::Tuple: {
      auto* t = static_cast<Tuple*>(o);
      for (std::size_t i = 0; i < t->size; ++i) f(t->items()[i]);
      break;
    }
    case Kind::Dict:
    case Kind::Set:
    case Kind::FrozenSet: {
      HashTable& table =
          o->kind == Kind::Dict ? static_cast<Dict*>(o)->table : static_cast<Set*>(o)->table;
      for (auto& e : table.entries) {
        f(e.key);
        f(e.value);
      }
      if (o->kind == Kind::Dict && static_cast<Dict*>(o)->cls)
        f(Value::object(static_cast<Dict*>(o)->cls));
      if (o->kind == Kind::Dict && static_cast<Dict*>(o)->attrs)
        f(Value::object(static_cast<Dict*>(o)->attrs));
      break;
    }
    case Kind::Range:
      f(static_cast<Range*>(o)->big);
      break;
    case Kind::Slice: {
      auto* s = static_cast<Slice*>(o);
      f(s->start);
      f(s->stop);
      f(s->step);
      break;
    }
    case Kind::Cell:
      f(static_cast<Cell*>(o)->value);
      break;
    case Kind::Function: {
      auto* fn = static_cast<Function*>(o);
      f(fn->defaults);
      f(fn->kwdefaults);
      f(fn->closure);
      if (fn->owner) f(Value::object(fn->owner));
      break;
    }
    case Kind::BoundMethod: {
      auto* m = static_cast<BoundMethod*>(o);
      f(m->self);
      f(m->func);
      break;
    }
    case Kind::Super:
      f(static_cast<Super*>(o)->self);
      f(Value::object(static_cast<Super*>(o)->start));
      break;
    case Kind::Property:
      f(static_cast<Property*>(o)->getter);
      f(static_cast<Property*>(o)->setter);
      break;
    case Kind::Type: {
      auto* t = static_cast<Type*>(o);
      if (t->dict) f(Value::object(t->dict));
      if (t->base) f(Value::object(t->base));
      break;
    }
    case Kind::Instance: {
      auto* in = static_cast<Instance*>(o);
      f(Value::object(in->cls));
      if (in->attrs) f(Value::object(in->attrs));
      f(in->args);
      f(in->cause);
      f(in->context);
      break;
    }
    case Kind::Iter: {
      auto* it = static_cast<Iter*>(o);
      f(it->src);
      f(it->extra);
      for (Value v : it->many) f(v);
      break;
    }
    case Kind::DictView:
      f(static_cast<DictView*>(o)->dict);
      break;
    case Kind::Module:
      if (auto* d = static_cast<Module*>(o)->attrs) f(Value::object(d));
      break;
    case Kind::Generator: {
      auto* g = static_cast<Generator*>(o);
      f(g->func);
      for (std::uint32_t i = 0; i < g->live; ++i) f(g->storage[i]);
      for (auto& b : g->blocks) f(b.prev_exc);
      break;
    }
    default:
      break;
  }
}

}  // namespace

// A generator suspended at a `yield` (started, not finished, not running).
bool Heap::is_suspended_generator(const Object* o) {
  if (o->kind != Kind::Generator) return false;
  auto* g = static_cast<const Generator*>(o);
  return !g->finished && !g->running && g->ip != 0;
}

void Heap::drop_finalizers() {
  while (Object* o = take_finalizer()) {
    static_cast<Generator*>(o)->finished = true;  // freed below, not queued again
    if (--o->refcnt == 0) free(o);
  }
}

void Heap::destroy(Object* o, bool release_children) {
  if (release_children) {
    for_each_child(o, [this](Value v) {
      if (v.tag == Tag::Obj && !(v.o->flags & kImmortal) && --v.o->refcnt == 0)
        pending_.push_back(v.o);
    });
  }
  o->prev->next = o->next;
  o->next->prev = o->prev;
  --live_;
  bytes_used_ -= o->charged;
  switch (o->kind) {
    case Kind::List: {
      auto* l = static_cast<List*>(o);
      bytes_used_ -= l->charged_slots * sizeof(Value);
      l->~List();
      break;
    }
    case Kind::Dict:
      bytes_used_ -= static_cast<Dict*>(o)->table.charged;
      static_cast<Dict*>(o)->~Dict();
      break;
    case Kind::Set:
    case Kind::FrozenSet:
      bytes_used_ -= static_cast<Set*>(o)->table.charged;
      static_cast<Set*>(o)->~Set();
      break;
    case Kind::Type:
      static_cast<Type*>(o)->~Type();
      break;
    case Kind::Instance:
      static_cast<Instance*>(o)->~Instance();
      break;
    case Kind::Iter:
      static_cast<Iter*>(o)->~Iter();
      break;
    case Kind::Module:
      static_cast<Module*>(o)->~Module();
      break;
    case Kind::BigInt:
      destroy_bigint(o);
      break;
    case Kind::Generator:
      // make_generator charged the frame storage (locals and value stack).
      bytes_used_ -= static_cast<Generator*>(o)->storage.size() * sizeof(Value);
      static_cast<Generator*>(o)->~Generator();
      break;
    default:
      break;
  }
  if (o->charged <= kPoolMax) {
    pool_free(o, o->charged);
  } else {
    std::free(o);
  }
}

void* Heap::pool_refill(std::size_t bytes) {
  // The tail of the old chunk (smaller than `bytes`) is abandoned; a chunk
  // holds dozens of objects, so the loss is small.
  char* chunk = static_cast<char*>(std::malloc(kChunkBytes));
  if (!chunk) return nullptr;
  chunks_.push_back(chunk);
  bump_ = chunk + bytes;
  bump_end_ = chunk + kChunkBytes;
  return chunk;
}

void Heap::pool_release() {
  for (void* c : chunks_) std::free(c);
  chunks_.clear();
  chunks_.shrink_to_fit();
  for (auto& f : free_) f = nullptr;
  bump_ = bump_end_ = nullptr;
}

void Heap::free(Object* object) {
  pending_.push_back(object);
  if (freeing_) return;
  freeing_ = true;
  while (!pending_.empty()) {
    Object* o = pending_.back();
    pending_.pop_back();
    if (is_suspended_generator(o)) {
      o->refcnt = 1;
      finalize_.push_back(o);
      continue;
    }
    destroy(o, true);
  }
  freeing_ = false;
}

void Heap::release_all() {
  while (head_.next != &head_) destroy(head_.next, false);
  pending_.clear();
  finalize_.clear();
  finalize_head_ = 0;
  pool_release();
  bytes_used_ = 0;
  over_limit_ = false;
}

}  // namespace quire::lang
