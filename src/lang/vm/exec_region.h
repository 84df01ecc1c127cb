#pragma once
// The execution region of an isolate: one anonymous mapping holding the frame
// array and the value stack. Reserved (MAP_NORESERVE) at the first run and
// kept for the isolate's life, so runs start without allocating; pages cost
// memory only once a run reaches them, and reset() gives back those beyond a
// small warm part, so an idle isolate stays small however deep a run went.

#include <cstddef>

#include "lang/vm/isolate.h"

namespace quire::lang {

struct ExecRegion {
  // Maps the region (again, when max_depth outgrew the frame array). False
  // when the system refuses the mapping.
  static bool ensure(Isolate& I);
  // Between runs: returns the pages above the warm part to the system.
  static void trim(Isolate& I);
  // Unmaps the region (the isolate is being destroyed).
  static void release(Isolate& I);
  // Bytes of the region currently backed by memory.
  static std::size_t resident_bytes(const Isolate& I);
};

// What an isolate holds, for memory reports (bench/lang/isolate_size.cpp).
struct IsolateMemory {
  std::size_t object = 0;           // sizeof(Isolate)
  std::size_t heap_charged = 0;     // bytes charged by live objects and their storage
  std::size_t heap_pool = 0;        // small-object chunks held
  std::size_t region_reserved = 0;  // address space of the execution region
  std::size_t region_resident = 0;  // of which backed by memory
  std::size_t vectors = 0;          // globals, blocks and pending-free lists
  // Everything that costs memory (reserved address space excluded). Objects
  // in pool chunks count twice (charged and chunk): an upper bound.
  std::size_t total() const {
    return object + heap_charged + heap_pool + region_resident + vectors;
  }
};
IsolateMemory isolate_memory(const Isolate& I);

}  // namespace quire::lang
