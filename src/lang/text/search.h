#pragma once
// Substring search that stays linear for long needles. std::string_view::find
// compares naively, O(n * m) in the worst case: a script could make
// ("a" * 10**7).find("a" * 5 * 10**6 + "b") run for days inside one native
// call, where no step budget or deadline is checked. Same results as
// std::string_view::find / rfind (byte offsets, npos when absent).

#include <cstddef>
#include <string_view>

namespace quire::lang {

// First occurrence of `needle` in `hay` starting at or after `from`.
std::size_t find_substring(std::string_view hay, std::string_view needle, std::size_t from = 0);

// Last occurrence of `needle` in `hay` starting at or before `pos`.
std::size_t rfind_substring(std::string_view hay, std::string_view needle,
                            std::size_t pos = std::string_view::npos);

}  // namespace quire::lang
