#pragma once

#include <string_view>

#include "db/query/table_info.h"

namespace quire::model {

// Frappe field types by what they store (spec §4.1).

// A type stored in a column of the DocType's table.
bool is_data_fieldtype(std::string_view fieldtype);

// Table and Table MultiSelect: rows of a child DocType.
bool is_table_fieldtype(std::string_view fieldtype);

// Known at all (data, table or layout/no-value types).
bool is_known_fieldtype(std::string_view fieldtype);

bool is_int_fieldtype(std::string_view fieldtype);    // Int, Long Int, Check
bool is_float_fieldtype(std::string_view fieldtype);  // Float, Currency, Percent, Duration, Rating

// Text types whose length Frappe checks (varchar columns).
bool is_varchar_fieldtype(std::string_view fieldtype);

// The SQLite column type: INTEGER, REAL or TEXT.
std::string_view sqlite_type(std::string_view fieldtype);

// How the query builder compares the column.
db::query::ColumnKind column_kind(std::string_view fieldtype);

}  // namespace quire::model
