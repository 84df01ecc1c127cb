#include "lang/vm/exec_region.h"

#include <sys/mman.h>
#include <unistd.h>

#include <vector>

namespace quire::lang {

namespace {

constexpr std::size_t kStackValues = 1 << 18;  // 4 MiB of address space
constexpr std::size_t kWarmBytes = 16 * 1024;  // kept resident in each part between runs

std::size_t page_size() {
  static const std::size_t size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

std::size_t round_up(std::size_t n, std::size_t to) {
  return (n + to - 1) / to * to;
}

// Gives back the pages of [begin + kWarmBytes, begin + used).
void drop_above_warm(void* begin, std::size_t used) {
  if (used <= kWarmBytes) return;
  std::size_t from = round_up(kWarmBytes, page_size());
  std::size_t to = round_up(used, page_size());
  if (to > from) madvise(static_cast<char*>(begin) + from, to - from, MADV_DONTNEED);
}

}  // namespace

bool ExecRegion::ensure(Isolate& I) {
  std::size_t nframes = static_cast<std::size_t>(I.max_depth) + 2;
  if (I.region && I.frames.capacity_ >= nframes) return true;
  release(I);
  std::size_t frame_bytes = round_up(nframes * sizeof(Frame), page_size());
  std::size_t total = frame_bytes + kStackValues * sizeof(Value);
  void* p = mmap(nullptr, total, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return false;
  I.region = p;
  I.region_bytes = total;
  I.frames.data_ = static_cast<Frame*>(p);
  I.frames.capacity_ = nframes;
  I.frames.size_ = 0;
  I.frames.peak_ = 0;
  I.stack = reinterpret_cast<Value*>(static_cast<char*>(p) + frame_bytes);
  I.stack_end = I.stack + kStackValues;
  I.stack_top = I.stack_peak = I.stack;
  return true;
}

void ExecRegion::trim(Isolate& I) {
  if (!I.region) return;
  drop_above_warm(I.frames.data_, I.frames.peak_ * sizeof(Frame));
  drop_above_warm(I.stack, static_cast<std::size_t>(I.stack_peak - I.stack) * sizeof(Value));
  I.frames.peak_ = 0;
  I.stack_peak = I.stack;
  I.stack_top = I.stack;
}

void ExecRegion::release(Isolate& I) {
  if (I.region) munmap(I.region, I.region_bytes);
  I.region = nullptr;
  I.region_bytes = 0;
  I.frames.data_ = nullptr;
  I.frames.capacity_ = I.frames.size_ = I.frames.peak_ = 0;
  I.stack = I.stack_end = I.stack_top = I.stack_peak = nullptr;
}

std::size_t ExecRegion::resident_bytes(const Isolate& I) {
  if (!I.region) return 0;
  std::size_t pages = I.region_bytes / page_size();
  std::vector<unsigned char> in_core(pages);
  if (mincore(I.region, I.region_bytes, in_core.data()) != 0) return I.region_bytes;
  std::size_t resident = 0;
  for (unsigned char c : in_core) resident += (c & 1) ? page_size() : 0;
  return resident;
}

IsolateMemory isolate_memory(const Isolate& I) {
  IsolateMemory m;
  m.object = sizeof(Isolate);
  m.heap_charged = I.heap.bytes_used();
  m.heap_pool = I.heap.pool_bytes();
  m.region_reserved = I.region_bytes;
  m.region_resident = ExecRegion::resident_bytes(I);
  m.vectors = I.globals.capacity() * sizeof(Value) + I.blocks.capacity() * sizeof(Block);
  return m;
}

}  // namespace quire::lang
