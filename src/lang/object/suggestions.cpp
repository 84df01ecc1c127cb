// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// "Did you mean: 'total'?" for NameError and AttributeError, computed as
// CPython 3.11 does (Python/suggestions.c): a Levenshtein distance where a
// case-only change costs 1 and any other edit 2, accepting a candidate when
// at most a third of the characters change.

#include <algorithm>
#include <cstdint>

#include "lang/object/runtime.h"

namespace quire::lang {

namespace {

constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;
constexpr std::size_t kMaxStringSize = 40;

std::size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

std::size_t distance(std::string_view a, std::string_view b, std::size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::size_t buffer[kMaxStringSize];
  for (std::size_t i = 0; i < a.size(); ++i) buffer[i] = (i + 1) * kMoveCost;
  std::size_t result = 0;
  for (std::size_t bi = 0; bi < b.size(); ++bi) {
    char code = b[bi];
    std::size_t dist = result = bi * kMoveCost;
    std::size_t minimum = SIZE_MAX;
    for (std::size_t ai = 0; ai < a.size(); ++ai) {
      std::size_t substitute = dist + substitution_cost(code, a[ai]);
      dist = buffer[ai];
      std::size_t insert_delete = std::min(result, dist) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

}  // namespace

std::string suggest_name(std::string_view name, const std::vector<std::string_view>& candidates) {
  if (candidates.size() > 750) return "";
  std::size_t best_distance = SIZE_MAX;
  std::string_view best;
  bool found = false;
  for (std::string_view item : candidates) {
    if (item == name) continue;
    std::size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    std::size_t d = distance(name, item, max_distance);
    if (d > max_distance) continue;
    if (!found || d < best_distance) {
      best = item;
      best_distance = d;
      found = true;
    }
  }
  return found ? std::string(best) : "";
}

}  // namespace quire::lang
