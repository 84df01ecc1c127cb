#pragma once
// HTML5 named character references: "amp" -> "&", "rsquo" -> "’".

#include <optional>
#include <string_view>

namespace quire::scripting {

// The text of the entity `name` (written "&name;"), if HTML5 names it.
std::optional<std::string_view> html5_entity(std::string_view name);

}  // namespace quire::scripting
