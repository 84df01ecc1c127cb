#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quire::db::query {

// A column named in fields, order_by or group_by: `field`, `qualifier.field`
// or `qualifier.*`. The qualifier is a table (`tabToDo`), a child-table field
// of the queried DocType (`items`), or empty.
struct ColumnRef {
  std::string qualifier;
  std::string field;  // a field name or "*"
};

// One parsed item of a field list or order_by. Only these shapes exist: a
// star, a column, or an aggregate (count/sum/avg/min/max) of one column or
// star. Anything else (subqueries, other functions, literals, operators) is
// refused while parsing, which is what keeps SQL out of these parameters.
struct FieldExpr {
  enum class Kind { Star, Column, Aggregate };
  Kind kind = Kind::Column;
  std::string function;  // lower-case aggregate name
  bool distinct = false;
  ColumnRef column;
  std::string alias;        // `as` name (fields only)
  bool descending = false;  // order_by only
  bool has_direction = false;
  std::string text;  // the item as written, trimmed
};

// Splits on `separator` outside parentheses and backticks; trims each piece
// and drops empty ones.
std::vector<std::string> split_top_level(std::string_view text, char separator);

// Parses one `fields` item: `expr [[as] alias]`. Throws QueryError.
FieldExpr parse_field(std::string_view text);

// Parses one order_by item: `expr [asc|desc]`. Throws QueryError.
FieldExpr parse_order_item(std::string_view text);

// Parses one group_by item: a column. Throws QueryError.
FieldExpr parse_group_item(std::string_view text);

}  // namespace quire::db::query
