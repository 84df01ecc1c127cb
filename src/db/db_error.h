#pragma once

#include <stdexcept>
#include <string>

namespace quire::db {

// Any failure reported by a database engine: the message names the operation
// and carries the engine's own words so a user can act on it.
class DbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace quire::db
