#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace quire::db::query {

// How a column compares and what stands in for NULL (Frappe's ifnull fallbacks).
enum class ColumnKind { Text, Integer, Real, Date, Datetime, Time };

// What the query builder needs to know about one DocType's table. The model
// layer fills it from DocType metadata; the builder knows nothing else of
// documents.
struct TableInfo {
  std::string doctype;
  std::map<std::string, ColumnKind, std::less<>> columns;  // every valid column
  std::vector<std::string> column_order;  // the same columns, in table order (for `*`)
  std::map<std::string, std::string, std::less<>> child_tables;  // table field -> child doctype
  std::map<std::string, std::string, std::less<>> links;         // Link field -> target doctype
  std::string sort_field = "creation";
  std::string sort_order = "desc";
  bool is_child = false;

  std::string table() const { return "tab" + doctype; }
  void add_column(const std::string& name, ColumnKind kind) {
    if (columns.emplace(name, kind).second) column_order.push_back(name);
  }
  const ColumnKind* column(std::string_view name) const {
    auto it = columns.find(name);
    return it == columns.end() ? nullptr : &it->second;
  }
};

// Resolves a DocType name to its table description, or nullptr if unknown.
class SchemaLookup {
 public:
  virtual ~SchemaLookup() = default;
  virtual const TableInfo* find(std::string_view doctype) const = 0;
};

}  // namespace quire::db::query
