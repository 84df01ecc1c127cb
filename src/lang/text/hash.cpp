#include "lang/text/hash.h"

#include <cstring>
#include <vector>

#include "lang/text/utf8.h"

namespace quire::lang::text {

namespace {

inline std::uint64_t rotl(std::uint64_t x, int b) {
  return (x << b) | (x >> (64 - b));
}

inline void round13(std::uint64_t& v0, std::uint64_t& v1, std::uint64_t& v2, std::uint64_t& v3) {
  v0 += v1;
  v2 += v3;
  v1 = rotl(v1, 13) ^ v0;
  v3 = rotl(v3, 16) ^ v2;
  v0 = rotl(v0, 32);
  v2 += v1;
  v0 += v3;
  v1 = rotl(v1, 17) ^ v2;
  v3 = rotl(v3, 21) ^ v0;
  v2 = rotl(v2, 32);
}

// CPython's siphash13 (Python/pyhash.c), key 0, little-endian words.
std::uint64_t siphash13(const unsigned char* in, std::size_t size) {
  std::uint64_t b = static_cast<std::uint64_t>(size) << 56;
  std::uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL, v2 = 0x6c7967656e657261ULL,
                v3 = 0x7465646279746573ULL;
  for (; size >= 8; in += 8, size -= 8) {
    std::uint64_t m;
    std::memcpy(&m, in, 8);
    v3 ^= m;
    round13(v0, v1, v2, v3);
    v0 ^= m;
  }
  std::uint64_t t = 0;
  for (std::size_t k = 0; k < size; ++k) t |= static_cast<std::uint64_t>(in[k]) << (8 * k);
  b |= t;
  v3 ^= b;
  round13(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  round13(v0, v1, v2, v3);
  round13(v0, v1, v2, v3);
  round13(v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

std::int64_t finish(std::uint64_t x) {
  auto h = static_cast<std::int64_t>(x);
  return h == -1 ? -2 : h;
}

}  // namespace

std::int64_t bytes_hash(std::string_view bytes) {
  if (bytes.empty()) return 0;
  return finish(siphash13(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()));
}

std::int64_t str_hash(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return bytes_hash(utf8);
  // Widest character decides the representation, as in CPython's PEP 393 strings.
  std::vector<char32_t> cps;
  char32_t widest = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    char32_t cp = decode_utf8(utf8, pos);
    cps.push_back(cp);
    if (cp > widest) widest = cp;
  }
  std::size_t width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  std::vector<unsigned char> raw;
  raw.reserve(cps.size() * width);
  for (char32_t cp : cps)
    for (std::size_t k = 0; k < width; ++k)
      raw.push_back(static_cast<unsigned char>(cp >> (8 * k)));
  return finish(siphash13(raw.data(), raw.size()));
}

}  // namespace quire::lang::text
