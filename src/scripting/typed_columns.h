#pragma once
// Date, Datetime and Time values as Frappe hands them to scripts.
//
// Frappe reads these columns through pymysql, which gives datetime.date,
// datetime.datetime and datetime.timedelta: documents loaded from the
// database and query rows (get_all, get_value, get_values) carry those
// objects, while values a client posted stay the strings it sent. The model
// keeps text ("2024-01-31", "2024-01-31 10:00:00.000000", "10:30:00"); these
// helpers turn the text of such a column into the object when it is in the
// database's form, and leave anything else (None, "", odd text) as it is.
// Writes need nothing: to_json stores a date's str(), which the model reads.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/meta.h"
#include "model/read_sql.h"
#include "model/session.h"
#include "scripting/value_convert.h"

namespace quire::scripting {

// "Date", "Datetime" or "Time" for such a field of `meta` (creation and
// modified are Datetime), else "".
std::string_view temporal_fieldtype(const model::Meta& meta, std::string_view fieldname);

// `v` as a script value, an object when `fieldtype` is Date/Datetime/Time
// and `v` is text in the database's form (new reference; Exc on error).
Value temporal_value(Isolate& I, std::string_view fieldtype, const Json& v);

// temporal_value, and for "Float" (a sum or average) a float for an integer.
Value column_value(Isolate& I, std::string_view fieldtype, const Json& v);

// Which columns of a query result are temporal: by key for dict rows, by
// position for list rows (the order of `fields`).
class ColumnTypes {
 public:
  // `fields`: what the query selected: a str, a list of str ("f", "f as a",
  // "`tabX`.f"), or null/"*" (every field of the DocType, by key only).
  ColumnTypes(std::shared_ptr<const model::Meta> meta, const Json& fields);
  // The columns of a raw query (frappe.db.sql), by the table column each
  // reads: a `tabX` table's Date/Datetime/Time field, by position and name.
  // A computed column (no table column) is typed from `sql`'s select list
  // as MariaDB types it: max/min/coalesce/ifnull keep their column's type,
  // sum/avg give floats (typed_columns_sql.h).
  ColumnTypes(model::Session& session, const std::vector<model::SqlColumnOrigin>& origins,
              std::string_view sql = {});
  std::string_view by_key(std::string_view key) const;
  std::string_view at(std::size_t position) const;
  bool any() const { return any_; }

 private:
  std::shared_ptr<const model::Meta> meta_;
  std::map<std::string, std::string, std::less<>> aliases_;  // alias -> source field
  std::vector<std::string> positions_;                       // fieldtype per column
  std::map<std::string, std::string, std::less<>> keyed_;    // raw query: name -> fieldtype
  bool any_ = false;
};

// to_value with the columns typed: a dict row by key, a list row by
// position, a list of rows row by row. `one_row`: a flat list of scalars is
// one row (get_value with several fields), not a column (pluck).
Value typed_to_value(Isolate& I, const Json& json, const ColumnTypes& columns,
                     bool arrays_as_tuples, bool one_row = false);

}  // namespace quire::scripting
