#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace quire::db {

// One SQL value as every engine can represent it: NULL, integer, real or text.
// Blobs are not needed yet; they will be added when a column type asks for them.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

using Row = std::vector<Value>;

}  // namespace quire::db
