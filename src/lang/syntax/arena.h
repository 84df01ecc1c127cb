#pragma once
// A bump allocator that owns every AST node of one parse. Nodes are freed all
// at once when the arena dies: no per-node delete, no reference counting.
// Nodes may hold std::string / std::vector members, so the arena remembers the
// destructors of non-trivially destructible objects and runs them at the end.

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace quire::lang::syntax {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (auto it = cleanups_.rbegin(); it != cleanups_.rend(); ++it) it->destroy(it->object);
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    void* memory = allocate(sizeof(T), alignof(T));
    T* object = new (memory) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      cleanups_.push_back({object, [](void* p) { static_cast<T*>(p)->~T(); }});
    }
    return object;
  }

  // Bytes handed out so far (for limits and statistics).
  std::size_t bytes_used() const { return bytes_used_; }

 private:
  struct Cleanup {
    void* object;
    void (*destroy)(void*);
  };
  static constexpr std::size_t kBlockSize = 64 * 1024;

  void* allocate(std::size_t size, std::size_t align) {
    std::size_t offset = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || offset + size > block_capacity_) {
      block_capacity_ = size > kBlockSize ? size : kBlockSize;
      blocks_.push_back(std::make_unique<std::byte[]>(block_capacity_));
      offset = 0;
    }
    used_ = offset + size;
    bytes_used_ += size;
    return blocks_.back().get() + offset;
  }

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::size_t used_ = 0;
  std::size_t block_capacity_ = 0;
  std::size_t bytes_used_ = 0;
  std::vector<Cleanup> cleanups_;
};

}  // namespace quire::lang::syntax
