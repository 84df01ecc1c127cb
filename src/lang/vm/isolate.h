#pragma once
// Isolate: one execution context. Its own heap, globals, value stack, frames,
// pending exception and limits; nothing in one isolate is reachable from
// another, so isolates run on different threads with no global lock.
//
// Calling convention: a Python call pushes a Frame whose `locals` start where
// the caller pushed the arguments on the contiguous value stack; the frame's
// value stack follows its locals. Python-to-Python calls run in the same
// dispatch loop (no native recursion); native code calling back into Python
// (sorted(key=...), generators being resumed) enters the loop again.
//
// Limits (hooks for the sandbox): `steps_left` is decremented at loop
// back-edges and calls; `cancel` is an atomic flag checked at the same
// points; `max_depth` bounds Python call depth (RecursionError); the heap
// charges every allocation. Limit errors are marked `uncatchable`: except
// clauses and finally bodies do not run for them.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lang/compile/code.h"
#include "lang/object/heap.h"
#include "lang/object/object.h"

namespace quire::lang {

struct Frame {
  Value* base;       // first stack slot the call occupies (callable...); released on return
  Value* result_to;  // where the return value goes (== base except for calls made from generators)
  Value* saved_top;  // Isolate::stack_top to restore when the frame is popped
  const Code* code;
  Function* func;
  Value* locals;
  Value* sp;
  const std::uint32_t* ip;
  std::uint32_t block_base;  // index into Isolate::blocks
  Generator* gen;            // set when running a generator's frame
  bool entry;                // the loop invocation returns when this frame returns
};

// The active Python frames, innermost last. Its storage is the start of the
// isolate's execution region (exec_region.cpp): a fixed array that never
// moves (the dispatch loop holds Frame pointers across nested calls), whose
// pages cost memory only once a run reaches them.
class FrameStack {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::size_t capacity() const { return capacity_; }
  Frame& back() { return data_[size_ - 1]; }
  Frame& operator[](std::size_t i) { return data_[i]; }
  void push_back(const Frame& f) {
    data_[size_++] = f;
    if (size_ > peak_) peak_ = size_;
  }
  void pop_back() { --size_; }
  void clear() { size_ = 0; }

 private:
  friend struct ExecRegion;
  Frame* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::size_t peak_ = 0;  // deepest since the region was last trimmed
};

// Resolves `import name`: returns a new reference to the module object, or
// Undef when there is no such module (ImportError follows).
using ImportHook = std::function<Value(class Isolate&, std::string_view name)>;
using OutputSink = std::function<void(std::string_view)>;

class Isolate {
 public:
  Isolate();
  ~Isolate();
  Isolate(const Isolate&) = delete;
  Isolate& operator=(const Isolate&) = delete;

  Heap heap;

  // Exception state.
  Value pending;  // the exception being propagated (Instance), owned
  Value handled;  // the exception an except/finally body is handling (borrowed from blocks)
  bool uncatchable = false;  // pending is a limit error
  Value stop_value;          // return value of the generator that finished last, owned
  bool finalizing = false;   // run_finalizers is running (it takes what it queues itself)

  // Limits.
  std::int64_t steps_left = INT64_MAX;
  std::atomic<bool>* cancel = nullptr;
  int max_depth = 1000;
  // Sandbox (sandbox/run_limits.h fills these for a run): the runtime
  // attribute rule applies (getattr, str.format fields); RecursionError is a
  // limit error; why `cancel` was raised; the limits, named in the errors.
  bool sandboxed = false;
  bool recursion_uncatchable = false;
  enum StopReason : int { kStopCancelled = 0, kStopDeadline = 1, kStopOutput = 2 };
  std::atomic<int> stop_reason{kStopCancelled};
  std::atomic<bool> stop_flag{false};  // what `cancel` points to in a limited run
  std::int64_t step_budget = 0;
  std::int64_t timeout_ms = 0;
  std::size_t max_output_bytes = 0;
  Value limit_error;  // the limit error of this run (owned), re-raised by raise_value

  // Execution state.
  Value* stack = nullptr;
  Value* stack_end = nullptr;
  Value* stack_top = nullptr;  // first free slot above every active frame
  FrameStack frames;
  // The mapping holding `frames` and the value stack (`stack`), reserved at
  // the first run and kept; reset() returns its deep pages to the system.
  void* region = nullptr;
  std::size_t region_bytes = 0;
  Value* stack_peak = nullptr;  // highest stack_top since the last trim
  std::vector<Block> blocks;
  std::vector<Value> globals;
  const Program* program = nullptr;

  ImportHook import_hook;
  OutputSink output;  // print() goes here (stdout when unset)
  // Errors nobody can catch, as CPython's "Exception ignored in: ..." report
  // (a generator's close() failing when it is freed); dropped when unset.
  OutputSink unraisable;
  // Called by run_module once the module's globals are fresh and before its
  // code runs: the host binds names (`frappe`, `doc`) with set_global here.
  // Returning false aborts the run (the exception must be pending).
  std::function<bool(class Isolate&)> bind_globals;

  // Frees everything the last run left and returns to the idle state.
  void reset();
  // Binds a module-level name before a run (the program must be set).
  bool set_global(std::string_view name, Value value);
};

// RAII: makes `isolate` the current one on this thread (its heap is where
// objects are allocated and freed).
class IsolateScope {
 public:
  explicit IsolateScope(Isolate& isolate) : previous_(t_heap) { t_heap = &isolate.heap; }
  ~IsolateScope() { t_heap = previous_; }
  IsolateScope(const IsolateScope&) = delete;
  IsolateScope& operator=(const IsolateScope&) = delete;

 private:
  Heap* previous_;
};

}  // namespace quire::lang
