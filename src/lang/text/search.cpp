// GCC 12 reports a false -Wrestrict inside std::string operations at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "lang/text/search.h"

#include <string.h>  // memmem (glibc: the two-way algorithm, linear time, O(1) space)

#include <algorithm>
#include <string>

namespace quire::lang {

namespace {

// Needles up to this long keep the library's search (at most this many
// comparisons per position, and its memchr fast path). Longer ones use
// glibc's memmem. (std::boyer_moore_searcher is no answer: libstdc++ builds
// its table in O(m^2) for needles such as "aaa...ab".)
constexpr std::size_t kNaiveMax = 64;

std::size_t memmem_at(std::string_view hay, std::string_view needle, std::size_t from) {
  const void* found = memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
  return found ? static_cast<std::size_t>(static_cast<const char*>(found) - hay.data())
               : std::string_view::npos;
}

}  // namespace

std::size_t find_substring(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.size() <= kNaiveMax || from > hay.size()) return hay.find(needle, from);
  if (hay.size() - from < needle.size()) return std::string_view::npos;
  return memmem_at(hay, needle, from);
}

std::size_t rfind_substring(std::string_view hay, std::string_view needle, std::size_t pos) {
  if (needle.size() <= kNaiveMax) return hay.rfind(needle, pos);
  if (needle.size() > hay.size()) return std::string_view::npos;
  std::size_t last_start = std::min(pos, hay.size() - needle.size());
  // The first match of the reversed needle in the reversed window is the
  // last match in the window. The copies are bounded by the string sizes
  // the heap already allowed.
  std::string window(hay.substr(0, last_start + needle.size()));
  std::string reversed_needle(needle);
  std::reverse(window.begin(), window.end());
  std::reverse(reversed_needle.begin(), reversed_needle.end());
  std::size_t r = memmem_at(window, reversed_needle, 0);
  if (r == std::string_view::npos) return r;
  // The reversed match starts at r: the forward match ends at size - r.
  return window.size() - r - needle.size();
}

}  // namespace quire::lang
