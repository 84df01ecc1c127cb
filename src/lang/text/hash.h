#pragma once
// CPython 3.11's hash of str and bytes as it is with PYTHONHASHSEED=0
// (SipHash-1-3 with a zero key over the string's internal representation:
// Latin-1, UCS-2 or UCS-4 by its widest character). Set iteration order
// follows these hashes, so sets of strings print as CPython prints them.

#include <cstdint>
#include <string_view>

namespace quire::lang::text {

// hash(bytes): 0 for b'', never -1.
std::int64_t bytes_hash(std::string_view bytes);
// hash(str) of UTF-8 text.
std::int64_t str_hash(std::string_view utf8);

}  // namespace quire::lang::text
