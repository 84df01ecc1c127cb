#include "lang/sandbox/stack_guard.h"

#include <pthread.h>

#include <cstddef>
#include <cstdint>

namespace quire::lang::sandbox {

namespace {

#if defined(__SANITIZE_ADDRESS__)
#define QUIRE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QUIRE_ASAN 1
#endif
#endif

#ifdef QUIRE_ASAN
constexpr std::uintptr_t kReserve = std::uintptr_t{3}
                                    << 20;  // ASan frames are several times larger
#else
constexpr std::uintptr_t kReserve = std::uintptr_t{512} << 10;
#endif

// The lowest usable address of this thread's stack (stacks grow down), or 0
// when it cannot be known (then the check never fires).
std::uintptr_t stack_low_end() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* addr = nullptr;
  std::size_t size = 0;
  int rc = pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  return rc == 0 ? reinterpret_cast<std::uintptr_t>(addr) : 0;
}

}  // namespace

bool native_stack_low() {
  static thread_local const std::uintptr_t low = stack_low_end();
  if (low == 0) return false;
  char probe;
  auto here = reinterpret_cast<std::uintptr_t>(&probe);
  return here < low + kReserve;
}

}  // namespace quire::lang::sandbox
