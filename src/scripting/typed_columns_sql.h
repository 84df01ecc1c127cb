#pragma once
// The type a computed result column of frappe.db.sql has on Frappe's
// MariaDB: pymysql types a column by what the server reports, so
// `max(posting_date)` is a DATE (a datetime.date), `sum(qty)` a DECIMAL (a
// float: Frappe maps NEWDECIMAL to float) and `count(*)` an integer. SQLite
// reports the table column only for plain column reads; for the common
// computed forms the select list of the query's text is read here instead.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace quire::scripting {

// What a table column ("tabToDo", "date") holds: "Date", "Datetime",
// "Time", "Float", "Int" or "Text"; "" when it is not a DocType's column.
using FieldTypeLookup = std::function<std::string(const std::string& table, const std::string&)>;

// One fieldtype-like name per result column of the outermost SELECT of
// `sql` (the first SELECT of a compound one): "Date", "Datetime", "Time",
// "Float" (sum/avg: always a float), "Int" (count), or "" (unknown: left as
// the engine returns it). Columns that are not the recognised forms, and
// any query the reader cannot follow, give "".
std::vector<std::string> computed_column_types(std::string_view sql,
                                               const FieldTypeLookup& fieldtype);

}  // namespace quire::scripting
