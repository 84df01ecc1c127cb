#pragma once
// Heap: the allocator of one isolate. Every allocation is charged before it
// happens; every object is linked on the heap's list so release_all() frees
// whatever is left at the end of a run (cycles included) without a tracing
// collector. Reference counts are plain integers: objects never cross threads.
//
// Objects up to kPoolMax bytes come from per-size free lists carved out of
// 16 KiB chunks (most objects are small and short-lived: a free-list pop
// instead of malloc, a push instead of free). The chunks are returned to the
// system when the run's objects are released, so an idle isolate holds none.
// Under AddressSanitizer every object is malloc'd, to keep use-after-free
// detection exact.
//
// Small allocations over the cap are still performed but raise the
// `over_limit` flag, which the VM turns into a MemoryError at its next check
// point; allocations whose size is computed from user data (str * n,
// list * n, big pow) call `would_fit` first and fail before allocating.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <utility>
#include <vector>

#include "lang/object/object.h"

namespace quire::lang {

class Heap {
 public:
  Heap();
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates a T followed by `extra` payload bytes, charged and linked.
  template <class T>
  T* make(std::size_t extra = 0) {
    std::size_t size = sizeof(T) + extra;
    // A payload sized by user data that no check caught ("a".zfill(10**10)):
    // refuse it before touching memory; run() reports MemoryError.
    if (extra > max_single_ || (extra > (std::size_t{1} << 20) && bytes_used_ + size > limit_))
      throw std::bad_alloc();
    if (size > UINT32_MAX) throw std::bad_alloc();  // Object::charged holds the size
    charge(size);
    void* memory = size <= kPoolMax ? pool_alloc(size) : std::malloc(size);
    if (!memory) throw std::bad_alloc();
    T* object = new (memory) T();
    object->charged = static_cast<std::uint32_t>(size);
    link(object);
    return object;
  }

  void charge(std::size_t bytes) {
    bytes_used_ += bytes;
    if (bytes_used_ > limit_) over_limit_ = true;
    // Work accounting: bulk operations (big ints, long strings, lists) cost
    // steps in proportion to what they allocate, one per 256 bytes, so a loop
    // whose every step grows (n = 3 * n) still exhausts its budget in time.
    if (steps_charged_) *steps_charged_ -= static_cast<std::int64_t>(bytes >> 8);
  }
  void uncharge(std::size_t bytes) { bytes_used_ -= bytes; }
  bool would_fit(std::size_t bytes) const {
    return bytes <= max_single_ && bytes_used_ + bytes <= limit_;
  }
  // The largest allocation whose size comes from user data (str * n ...).
  void set_max_single_allocation(std::size_t bytes) { max_single_ = bytes; }
  // The step counter allocations are charged to (nullptr: none).
  void charge_steps_to(std::int64_t* steps) { steps_charged_ = steps; }

  // Frees an object whose count dropped to zero (and, transitively, what it
  // held). Iterative, so deep structures cannot overflow the native stack.
  void free(Object* object);
  // Frees every object still alive, without looking at counts.
  void release_all();

  // A suspended generator whose last reference goes away is not freed at
  // once: CPython closes it (GeneratorExit at its `yield`, so its `finally`
  // runs), and running code inside free() is unsafe (a list being cleared, a
  // sort in progress). It waits here, alive (one reference, the queue's),
  // until the VM reaches a safe point (vm/generators.cpp run_finalizers).
  bool finalizers_due() const { return !finalize_.empty(); }
  static bool is_suspended_generator(const Object* o);
  // Queues a generator that is still referenced (incref'd): the end of a
  // program closes those its globals hold.
  void queue_close(Object* generator) {
    ++generator->refcnt;
    finalize_.push_back(generator);
  }
  // Frees the waiting generators without running them (a new run starts).
  void drop_finalizers();
  // The oldest waiting generator (the reference passes to the caller), or null.
  Object* take_finalizer() {
    if (finalize_head_ == finalize_.size()) return nullptr;
    Object* o = finalize_[finalize_head_++];
    if (finalize_head_ == finalize_.size()) {
      finalize_.clear();
      finalize_head_ = 0;
    }
    return o;
  }

  std::size_t bytes_used() const { return bytes_used_; }
  std::size_t limit() const { return limit_; }
  void set_limit(std::size_t bytes) { limit_ = bytes; }
  bool over_limit() const { return over_limit_; }
  void clear_over_limit() { over_limit_ = false; }
  // An allocation about to be made would not fit (sandbox::room_for).
  void mark_over_limit() { over_limit_ = true; }
  std::size_t live_objects() const { return live_; }
  // Bytes of pool chunks currently held (memory reports).
  std::size_t pool_bytes() const { return chunks_.size() * kChunkBytes; }

#if defined(__SANITIZE_ADDRESS__)
  static constexpr std::size_t kPoolMax = 0;
#else
  static constexpr std::size_t kPoolMax = 256;
#endif

 private:
  void link(Object* object) {
    object->next = head_.next;
    object->prev = &head_;
    head_.next->prev = object;
    head_.next = object;
    ++live_;
  }
  void destroy(Object* object, bool release_children);

  static constexpr std::size_t kGranule = 16;
  static constexpr std::size_t kChunkBytes = 16 * 1024;
  struct FreeBlock {
    FreeBlock* next;
  };
  void* pool_alloc(std::size_t size) {
    std::size_t c = (size + kGranule - 1) / kGranule;
    if (FreeBlock* b = free_[c]) {
      free_[c] = b->next;
      return b;
    }
    std::size_t bytes = c * kGranule;
    if (static_cast<std::size_t>(bump_end_ - bump_) < bytes) return pool_refill(bytes);
    void* p = bump_;
    bump_ += bytes;
    return p;
  }
  void pool_free(void* p, std::size_t size) {
    std::size_t c = (size + kGranule - 1) / kGranule;
    auto* b = static_cast<FreeBlock*>(p);
    b->next = free_[c];
    free_[c] = b;
  }
  void* pool_refill(std::size_t bytes);
  void pool_release();

  FreeBlock* free_[kPoolMax / kGranule + 1] = {};
  char* bump_ = nullptr;
  char* bump_end_ = nullptr;
  std::vector<void*> chunks_;

  Object head_{Kind::Cell};  // sentinel of the circular all-objects list
  std::size_t bytes_used_ = 0;
  // Default cap until the host sets one: generous for scripts, small enough
  // that a runaway allocation fails with MemoryError instead of exhausting RAM.
  std::size_t limit_ = std::size_t{1} << 30;
  std::size_t live_ = 0;
  std::size_t max_single_ = SIZE_MAX;
  std::int64_t* steps_charged_ = nullptr;
  bool over_limit_ = false;
  bool freeing_ = false;
  std::vector<Object*> pending_;
  std::vector<Object*> finalize_;
  std::size_t finalize_head_ = 0;  // finalize_[0..head) were taken (a queue without O(n) pops)
};

// The heap of the isolate running on this thread (set by Isolate while it runs).
extern thread_local Heap* t_heap;

inline void incref(Object* o) {
  if (!(o->flags & kImmortal)) ++o->refcnt;
}
inline void decref(Object* o) {
  if (!(o->flags & kImmortal) && --o->refcnt == 0) t_heap->free(o);
}
inline void incref(Value v) {
  if (v.tag == Tag::Obj) incref(v.o);
}
inline void decref(Value v) {
  if (v.tag == Tag::Obj) decref(v.o);
}
// Stores `v` into `slot`, releasing what was there (v already owned).
inline void assign(Value& slot, Value v) {
  Value old = slot;
  slot = v;
  decref(old);
}

}  // namespace quire::lang
