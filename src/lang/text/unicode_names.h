#pragma once
// Character names for "\N{...}" escapes, exactly as CPython 3.11 accepts them:
// Unicode 14.0 names and name aliases matched case-insensitively, Hangul
// syllables and CJK unified ideographs computed (those two case-sensitively,
// as CPython does).

#include <optional>
#include <string_view>

namespace quire::lang::text {

std::optional<char32_t> lookup_character_name(std::string_view name);

}  // namespace quire::lang::text
