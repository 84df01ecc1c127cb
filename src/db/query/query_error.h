#pragma once

#include <stdexcept>
#include <string>

namespace quire::db::query {

// A list query that was refused before reaching the database: a bad
// identifier, an unknown operator, a malformed filter. `frappe_class` names the
// Frappe exception the model layer raises for it ("DataError",
// "ValidationError"), so messages and HTTP codes match Frappe's.
class QueryError : public std::runtime_error {
 public:
  QueryError(std::string frappe_class, const std::string& message)
      : std::runtime_error(message), frappe_class_(std::move(frappe_class)) {}
  const std::string& frappe_class() const { return frappe_class_; }

 private:
  std::string frappe_class_;
};

}  // namespace quire::db::query
