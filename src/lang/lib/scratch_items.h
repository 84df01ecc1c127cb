#pragma once
// A native's vector of values collected before it builds its result (list(),
// tuple(), sorted(), str.join ...), charged to the isolate's heap while it
// lives: its buffer counts against the memory cap as the objects do, so the
// result built next to it cannot take the process far past the cap.

#include <algorithm>
#include <utility>
#include <vector>

#include "lang/object/runtime.h"
#include "lang/sandbox/work.h"

namespace quire::lang {

class ScratchItems : public std::vector<Value> {
 public:
  explicit ScratchItems(Isolate& I) : I_(I) {}
  ScratchItems(const ScratchItems&) = delete;
  ScratchItems& operator=(const ScratchItems&) = delete;
  ~ScratchItems() { I_.heap.uncharge(charged_); }

  // Appends v (owned), first growing the buffer when it is full; false with
  // a MemoryError set when the grown buffer does not fit (v is not taken).
  bool push(Value v) {
    if (size() == capacity() && !grow()) return false;
    push_back(v);
    return true;
  }

  // Doubles the buffer if the new one fits under the cap beside the old one
  // (both are held while the items move).
  bool grow() {
    const std::size_t next = std::max<std::size_t>(16, capacity() * 2);
    if (!sandbox::room_for(I_, next * sizeof(Value))) return false;
    reserve(next);
    const std::size_t bytes = capacity() * sizeof(Value);
    I_.heap.charge(bytes - charged_);
    charged_ = bytes;
    return true;
  }

  // The items, for a container that charges its storage itself.
  std::vector<Value> release() {
    I_.heap.uncharge(charged_);
    charged_ = 0;
    return std::move(static_cast<std::vector<Value>&>(*this));
  }

 private:
  Isolate& I_;
  std::size_t charged_ = 0;
};

}  // namespace quire::lang
