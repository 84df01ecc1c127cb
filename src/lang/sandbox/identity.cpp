#include "lang/sandbox/identity.h"

#include <cstdio>
#include <random>

namespace quire::lang::sandbox {

namespace {

constexpr std::uint64_t kMask62 = (std::uint64_t{1} << 62) - 1;

// A process-wide secret, drawn once.
std::uint64_t process_secret() {
  static const std::uint64_t secret = [] {
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device();
  }();
  return secret;
}

// SplitMix64's finaliser: mixes an isolate's address with the secret into
// the isolate's key.
std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// A bijection of [0, 2**62) keyed by `key`: each step (xor with a constant,
// multiplication by an odd number, xor with a right shift of itself) is
// invertible modulo 2**62, so distinct inputs give distinct ids.
std::uint64_t permute62(std::uint64_t x, std::uint64_t key) {
  x = (x ^ key) & kMask62;
  x = (x * (key | 1)) & kMask62;
  x ^= x >> 29;
  x = (x * 0x94d049bb133111ebULL) & kMask62;
  x ^= x >> 31;
  x = (x ^ (key >> 2)) & kMask62;
  return x;
}

}  // namespace

std::int64_t object_id(const Isolate& I, Value v) {
  const std::uint64_t key = mix64(process_secret() ^ reinterpret_cast<std::uintptr_t>(&I));
  if (v.is_obj()) {
    // Objects are 16-byte aligned below 2**48: the address / 16 fits 62 bits.
    const std::uint64_t address = reinterpret_cast<std::uintptr_t>(v.o);
    return static_cast<std::int64_t>(permute62(address >> 4, key));
  }
  // Inline values: the same value has the same id (as CPython's cached small
  // ints); distinct values collide with a probability of 2**-62.
  const std::uint64_t bits =
      static_cast<std::uint64_t>(v.i) * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(v.tag);
  return static_cast<std::int64_t>((std::uint64_t{1} << 62) | (mix64(bits ^ key) & kMask62));
}

std::string id_hex(const Isolate& I, Value v) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(object_id(I, v)));
  return text;
}

std::string id_hex(const Isolate& I, const Object* o) {
  return id_hex(I, Value::object(const_cast<Object*>(o)));
}

}  // namespace quire::lang::sandbox
